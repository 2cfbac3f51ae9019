# --8<-- [start:from-tensor-slices]
import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)  # the same shuffles and starting weights on every run
features = np.arange(20, dtype="float32").reshape(10, 2)  # 10 samples, 2 features each
labels = np.array([0, 1] * 5)
dataset = tf.data.Dataset.from_tensor_slices((features, labels))  # one element per sample
print(dataset.element_spec)
print("elements:", int(dataset.cardinality()))
for x, y in dataset.take(2):
    print(x.numpy(), y.numpy())
# --8<-- [end:from-tensor-slices]
# --8<-- [start:from-tensor-slices-check]
assert dataset.element_spec[0].shape == (2,) and dataset.element_spec[1].shape == ()
assert int(dataset.cardinality()) == len(features)
# --8<-- [end:from-tensor-slices-check]

# --8<-- [start:map-batch]
scaled = dataset.map(lambda x, y: (x / 10.0, y))  # called once per element
print("after map:  ", scaled.element_spec[0])

batched = scaled.batch(4)  # 10 elements -> batches of 4, 4 and 2
print("batch(4):   ", batched.element_spec[0], [tuple(x.shape) for x, _ in batched])

full_only = scaled.batch(4, drop_remainder=True)  # the last, smaller batch is dropped
print("drop_remainder=True:", full_only.element_spec[0], [tuple(x.shape) for x, _ in full_only])
# --8<-- [end:map-batch]
# --8<-- [start:map-batch-check]
assert [x.shape[0] for x, _ in batched] == [4, 4, 2]
assert [x.shape[0] for x, _ in full_only] == [4, 4]
assert batched.element_spec[0].shape.as_list() == [None, 2]   # batch size unknown: maybe short
assert full_only.element_spec[0].shape.as_list() == [4, 2]    # every batch is full
# --8<-- [end:map-batch-check]

# --8<-- [start:map-order]
def center(x, y):
    return x - tf.reduce_mean(x), y  # subtract the mean of whatever x is


per_sample = dataset.map(center).batch(4)  # x is one sample: its own 2 values
per_batch = dataset.batch(4).map(center)   # x is a batch: the mean of all 4 x 2 values
print("map, then batch:\n", next(iter(per_sample))[0].numpy())
print("batch, then map:\n", next(iter(per_batch))[0].numpy())

divide_first = [x.numpy() for x, _ in dataset.map(lambda x, y: (x / 10.0, y)).batch(4)]
batch_first = [x.numpy() for x, _ in dataset.batch(4).map(lambda x, y: (x / 10.0, y))]
print("x / 10 in either order, same values:",
      all(np.array_equal(a, b) for a, b in zip(divide_first, batch_first, strict=True)))
# --8<-- [end:map-order]
# --8<-- [start:map-order-check]
assert np.allclose(next(iter(per_sample))[0].numpy().mean(axis=1), 0)  # each on itself
assert not np.allclose(next(iter(per_batch))[0].numpy().mean(axis=1), 0)  # on the batch
assert np.isclose(next(iter(per_batch))[0].numpy().mean(), 0)
assert all(np.array_equal(a, b) for a, b in zip(divide_first, batch_first, strict=True))
# --8<-- [end:map-order-check]

# --8<-- [start:shuffle]
numbers = tf.data.Dataset.range(10)


def one_epoch(ds):
    return [int(n) for n in ds]


shuffled = numbers.shuffle(buffer_size=10, seed=0)  # buffer >= dataset: a full shuffle
print("buffer 10, epoch 1:", one_epoch(shuffled))
print("buffer 10, epoch 2:", one_epoch(shuffled))  # a new order every epoch
frozen = numbers.shuffle(buffer_size=10, seed=0, reshuffle_each_iteration=False)
print("reshuffle_each_iteration=False:", one_epoch(frozen), one_epoch(frozen))
print("buffer 1:", one_epoch(numbers.shuffle(buffer_size=1, seed=0)))  # nothing moves
print("buffer 2:", one_epoch(numbers.shuffle(buffer_size=2, seed=0)))  # only small moves
print("batch, then shuffle:", [b.numpy().tolist() for b in numbers.batch(2).shuffle(5, seed=0)])
# --8<-- [end:shuffle]
# --8<-- [start:shuffle-check]
assert sorted(one_epoch(shuffled)) == list(range(10))  # every element once
assert one_epoch(shuffled) != one_epoch(shuffled)  # a new order every pass
assert one_epoch(frozen) == one_epoch(frozen)
assert one_epoch(numbers.shuffle(buffer_size=1, seed=0)) == list(range(10))
assert all(n <= i + 1 for i, n in enumerate(one_epoch(numbers.shuffle(2, seed=0))))  # i + 2
assert all(b[1] == b[0] + 1 for b in numbers.batch(2).shuffle(5, seed=0).as_numpy_iterator())
# --8<-- [end:shuffle-check]

# --8<-- [start:cache-prefetch]
calls = tf.Variable(0)  # counts how often the map function runs


def expensive(x, y):
    calls.assign_add(1)  # stands in for decoding a file or a costly transform
    return x / 10.0, y


runs = {}
for name, ds in (("no cache", dataset.map(expensive)),
                 ("cache()", dataset.map(expensive).cache())):
    calls.assign(0)
    for _ in range(2):  # two epochs
        list(ds.batch(4))
    runs[name] = int(calls.numpy())
    print(f"{name:8}: 2 epochs of 10 elements, map function ran {runs[name]} times")

pipeline = (dataset.map(expensive)
            .cache()                        # after the costly, fixed steps
            .shuffle(10, seed=0)            # after cache: a new order every epoch
            .batch(4)
            .prefetch(tf.data.AUTOTUNE))    # prepare the next batch while the model trains
print("AUTOTUNE =", tf.data.AUTOTUNE, "|", [tuple(x.shape) for x, _ in pipeline])
# --8<-- [end:cache-prefetch]
# --8<-- [start:cache-prefetch-check]
assert runs == {"no cache": 20, "cache()": 10}  # the second epoch reads the cache
assert [x.shape[0] for x, _ in pipeline] == [4, 4, 2]
# --8<-- [end:cache-prefetch-check]

# --8<-- [start:fit]
rng = np.random.default_rng(0)
x_all = rng.normal(size=(200, 4)).astype("float32")
y_all = (x_all.sum(axis=1) > 0).astype("float32")  # is the sum of the features positive?

train_ds = (tf.data.Dataset.from_tensor_slices((x_all[:160], y_all[:160]))
            .shuffle(160, seed=0).batch(32).prefetch(tf.data.AUTOTUNE))
val_ds = tf.data.Dataset.from_tensor_slices((x_all[160:], y_all[160:])).batch(32)

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer=keras.optimizers.Adam(0.1), loss="binary_crossentropy",
              metrics=["accuracy"])
# no batch_size: the dataset makes the batches; shuffle=False: the dataset shuffles itself
history = model.fit(train_ds, validation_data=val_ds, epochs=5, shuffle=False, verbose=0)
print("loss:        ", [round(v, 3) for v in history.history["loss"]])
print("val_accuracy:", [round(v, 3) for v in history.history["val_accuracy"]])
print("batches per epoch:", int(train_ds.cardinality()),
      "| weight updates in 5 epochs:", int(model.optimizer.iterations))
# --8<-- [end:fit]
# --8<-- [start:fit-check]
assert history.history["loss"][-1] < history.history["loss"][0] / 2  # it trains
assert history.history["val_accuracy"][-1] >= 0.9
assert int(model.optimizer.iterations) == 5 * int(train_ds.cardinality()) == 25
# --8<-- [end:fit-check]

# --8<-- [start:fit-y]
model.fit(train_ds, y_all[:160], verbose=0)  # the labels are already in the dataset
# --8<-- [end:fit-y]

# --8<-- [start:write-images]
from pathlib import Path

rng = np.random.default_rng(0)
root = Path("stripes")  # one subfolder per class
for name in ("vertical", "horizontal"):
    (root / name).mkdir(parents=True, exist_ok=True)
    for i in range(24):
        image = rng.integers(0, 60, size=(32, 32, 3))  # dark noise
        at = rng.integers(4, 28)                       # where the bright stripe goes
        if name == "horizontal":
            image[at - 2 : at + 2, :, :] = 255
        else:
            image[:, at - 2 : at + 2, :] = 255
        keras.utils.save_img(root / name / f"{i:02}.png", image.astype("uint8"))
for folder in sorted(root.iterdir()):
    print(folder, len(list(folder.glob("*.png"))), "PNG files")
# --8<-- [end:write-images]
# --8<-- [start:write-images-check]
assert keras.utils.load_img(root / "vertical" / "00.png").size == (32, 32)
# --8<-- [end:write-images-check]

# --8<-- [start:image-dataset]
train_images = keras.utils.image_dataset_from_directory(
    root, image_size=(16, 16), batch_size=8,    # every image resized to 16 x 16
    validation_split=0.25, subset="training", seed=0)
val_images = keras.utils.image_dataset_from_directory(
    root, image_size=(16, 16), batch_size=8,
    validation_split=0.25, subset="validation", seed=0)  # same seed: no file in both
print("class_names:", train_images.class_names)  # label i = class_names[i]
print(train_images.element_spec)
images, image_labels = next(iter(train_images))
print("one batch:", tuple(images.shape), image_labels.numpy())
counts = np.bincount(np.concatenate([y.numpy() for _, y in train_images]))
print("training images per class:",
      dict(zip(train_images.class_names, counts.tolist(), strict=True)))
# --8<-- [end:image-dataset]
# --8<-- [start:image-dataset-check]
assert train_images.class_names == ["horizontal", "vertical"]  # alphabetical, not write order
assert tuple(images.shape) == (8, 16, 16, 3) and images.dtype == tf.float32
assert float(tf.reduce_max(images)) <= 255.0  # pixel values, not rescaled
assert len(train_images.file_paths) == 36 and len(val_images.file_paths) == 12
assert not set(train_images.file_paths) & set(val_images.file_paths)  # the seed keeps them apart
assert all(  # in file order, each label is the index of the file's folder in class_names
    ds.class_names[int(label)] == Path(path).parent.name
    for ds in [keras.utils.image_dataset_from_directory(
        root, image_size=(16, 16), batch_size=None, shuffle=False, seed=0, verbose=False)]
    for path, (_, label) in zip(ds.file_paths, ds, strict=True))
# --8<-- [end:image-dataset-check]

# --8<-- [start:image-fit]
image_model = keras.Sequential([
    keras.Input(shape=(16, 16, 3)),
    keras.layers.Rescaling(1 / 255),           # pixels 0-255 -> 0-1
    keras.layers.Conv2D(4, 3, activation="relu"),
    keras.layers.GlobalMaxPooling2D(),
    keras.layers.Dense(1, activation="sigmoid"),  # 2 classes, labels 0 and 1
])
image_model.compile(optimizer=keras.optimizers.Adam(0.02), loss="binary_crossentropy",
                    metrics=["accuracy"])
image_history = image_model.fit(train_images, validation_data=val_images, epochs=3,
                                shuffle=False, verbose=0)
print("loss:        ", [round(v, 3) for v in image_history.history["loss"]])
print("val_accuracy:", [round(v, 3) for v in image_history.history["val_accuracy"]])
# --8<-- [end:image-fit]
# --8<-- [start:image-fit-check]
assert image_history.history["loss"][-1] < image_history.history["loss"][0]
assert image_history.history["val_accuracy"][-1] >= 0.75
# --8<-- [end:image-fit-check]

# --8<-- [start:write-texts]
reviews = {
    "pos": ["A wonderful movie, I loved every minute.", "Great acting and a great story.",
            "Funny, warm and wonderful.", "I loved it and would watch it again.",
            "A great film with a happy ending.", "Wonderful music and great acting."],
    "neg": ["A boring movie, I hated every minute.", "Bad acting and a boring story.",
            "Dull, slow and far too long.", "I hated it and walked out.",
            "A bad film with a silly ending.", "Boring music and bad acting."],
}
for name, texts in reviews.items():
    (Path("reviews") / name).mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (Path("reviews") / name / f"{i}.txt").write_text(text, encoding="utf-8")
for folder in sorted(Path("reviews").iterdir()):
    print(folder, len(list(folder.glob("*.txt"))), "files, e.g.",
          repr((folder / "0.txt").read_text(encoding="utf-8")))
# --8<-- [end:write-texts]
# --8<-- [start:write-texts-check]
assert len(list(Path("reviews").rglob("*.txt"))) == 12
# --8<-- [end:write-texts-check]

# --8<-- [start:text-dataset]
texts_ds = keras.utils.text_dataset_from_directory("reviews", batch_size=4, seed=0)
print("class_names:", texts_ds.class_names)  # 0 = neg, 1 = pos
print(texts_ds.element_spec)
texts, text_labels = next(iter(texts_ds))
for text, label in zip(texts.numpy(), text_labels.numpy(), strict=True):
    print(label, text.decode())
# --8<-- [end:text-dataset]
# --8<-- [start:text-dataset-check]
assert texts_ds.class_names == ["neg", "pos"]
assert texts_ds.element_spec[0].dtype == tf.string and tuple(texts.shape) == (4,)
assert all(text.decode() in reviews[texts_ds.class_names[label]]  # label = folder
           for text, label in zip(texts.numpy(), text_labels.numpy(), strict=True))
# --8<-- [end:text-dataset-check]

# --8<-- [start:text-vectorization]
vectorize = keras.layers.TextVectorization(output_sequence_length=8)  # word ids, length 8
vectorize.adapt(texts_ds.map(lambda text, label: text))  # the vocabulary from the texts only
vocabulary = [str(word) for word in vectorize.get_vocabulary()]
print("vocabulary:", len(vocabulary), "words, first:", vocabulary[:6])

ids_ds = texts_ds.map(lambda text, label: (vectorize(text), label)).prefetch(tf.data.AUTOTUNE)
print(ids_ds.element_spec[0])

text_model = keras.Sequential([
    keras.Input(shape=(8,), dtype="int64"),
    keras.layers.Embedding(vectorize.vocabulary_size(), 8),
    keras.layers.GlobalAveragePooling1D(),
    keras.layers.Dense(1, activation="sigmoid"),
])
text_model.compile(optimizer=keras.optimizers.Adam(0.05), loss="binary_crossentropy",
                   metrics=["accuracy"])
text_history = text_model.fit(ids_ds, epochs=10, shuffle=False, verbose=0)
print("loss: first epoch", round(text_history.history["loss"][0], 3),
      "| last", round(text_history.history["loss"][-1], 3),
      "| accuracy", round(text_history.history["accuracy"][-1], 3))
# --8<-- [end:text-vectorization]
# --8<-- [start:text-vectorization-check]
assert vocabulary[:2] == ["", "[UNK]"]  # 0 = padding, 1 = out-of-vocabulary
assert {"wonderful", "boring", "great", "bad"} <= set(vocabulary)  # lowercased, no commas
assert ids_ds.element_spec[0].shape.as_list() == [None, 8]
assert text_history.history["loss"][-1] < text_history.history["loss"][0] / 2
# --8<-- [end:text-vectorization-check]
