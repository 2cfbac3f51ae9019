# --8<-- [start:note-table]
import keras
import numpy as np

n_step, n_feature, n_channel, n_output = 20, 6, 1, 1

inputs = keras.Input(shape=(n_step, n_feature, n_channel))  # one sample's shape, no batch axis
conv = keras.layers.Conv2D(filters=30, kernel_size=(8, 3), strides=1, padding="same",
                           activation="relu")(inputs)
pool = keras.layers.MaxPooling2D(pool_size=(2, 1), strides=1, padding="valid")(conv)
flat = keras.layers.Flatten()(pool)
outputs = keras.layers.Dense(n_output, activation="linear")(flat)
model = keras.Model(inputs, outputs)
model.summary()  # Conv2D: 8 * 3 * 1 * 30 kernel weights + 30 biases = 750
# --8<-- [end:note-table]
# --8<-- [start:note-table-check]
assert tuple(conv.shape) == (None, 20, 6, 30)  # 'same' keeps 20 x 6; 30 filters -> 30 channels
assert tuple(pool.shape) == (None, 19, 6, 30)  # (2, 1) window, stride 1: 20 - 2 + 1 = 19 steps
assert tuple(flat.shape) == (None, 19 * 6 * 30)
assert tuple(outputs.shape) == (None, n_output)
assert model.layers[1].count_params() == 8 * 3 * n_channel * 30 + 30  # kernel + one bias each
# --8<-- [end:note-table-check]

# --8<-- [start:batch-shape]
old_style = keras.Input(batch_shape=(None, n_step, n_feature, n_channel))
print(tuple(old_style.shape), tuple(inputs.shape))
# --8<-- [end:batch-shape]
# --8<-- [start:batch-shape-check]
assert tuple(old_style.shape) == tuple(inputs.shape) == (None, 20, 6, 1)
# --8<-- [end:batch-shape-check]

# --8<-- [start:pool-strides]
default_pool = keras.layers.MaxPooling2D(pool_size=(2, 1))  # strides default to pool_size
halved = default_pool(conv)
print(default_pool.strides, tuple(halved.shape))  # 20 steps -> 10: real downsampling
# --8<-- [end:pool-strides]
# --8<-- [start:pool-strides-check]
assert default_pool.strides == (2, 1)
assert tuple(halved.shape) == (None, 10, 6, 30)
# --8<-- [end:pool-strides-check]

# --8<-- [start:padding]
image = keras.Input(shape=(28, 28, 1))
valid = keras.layers.Conv2D(8, kernel_size=3, padding="valid")(image)  # the default
same = keras.layers.Conv2D(8, kernel_size=3, padding="same")(image)
print(tuple(valid.shape), tuple(same.shape))
# --8<-- [end:padding]
# --8<-- [start:padding-check]
assert tuple(valid.shape) == (None, 26, 26, 8)  # 28 - 3 + 1
assert tuple(same.shape) == (None, 28, 28, 8)   # zero padding keeps height and width
assert keras.layers.Conv2D(  # a 3x3 sum at the corner sees 4 pixels: the padding adds 0s
    1, 3, padding="same", use_bias=False, kernel_initializer="ones", name="padding_probe",
)(np.ones((1, 5, 5, 1), "float32"))[0, 0, 0, 0] == 4
assert keras.layers.Conv2D(1, 3, strides=2, padding="same", name="same_stride_probe",
                           ).compute_output_shape((None, 27, 27, 1))[1] == np.ceil(27 / 2)
assert keras.layers.Conv2D(1, 3, strides=2, name="valid_stride_probe",
                           ).compute_output_shape((None, 28, 28, 1))[1] == (28 - 3) // 2 + 1
# --8<-- [end:padding-check]

# --8<-- [start:translation]
from keras import ops

detector = keras.layers.Conv2D(1, kernel_size=2, use_bias=False)  # one filter
detector.build((None, 8, 8, 1))
detector.set_weights([np.array([[1, -1], [-1, 1]], dtype="float32").reshape(2, 2, 1, 1)])

pattern = np.array([[1, 0], [0, 1]], dtype="float32")  # what the filter responds to
left = np.zeros((1, 8, 8, 1), dtype="float32")
left[0, 1:3, 1:3, 0] = pattern
right = np.roll(left, shift=(4, 3), axis=(1, 2))  # the same pattern, elsewhere

map_left = ops.convert_to_numpy(detector(left))[0, :, :, 0]  # response map: 7 x 7 positions
map_right = ops.convert_to_numpy(detector(right))[0, :, :, 0]
print("strongest response at", np.argwhere(map_left == map_left.max()), "and",
      np.argwhere(map_right == map_right.max()))
moved = np.array_equal(np.roll(map_left, shift=(4, 3), axis=(0, 1)), map_right)
print("the map moved with the pattern:", moved)

global_max = keras.layers.GlobalMaxPooling2D()
max_left = ops.convert_to_numpy(global_max(detector(left)))
max_right = ops.convert_to_numpy(global_max(detector(right)))
print("after global max pooling:", max_left.ravel(), max_right.ravel())  # same answer
# --8<-- [end:translation]
# --8<-- [start:translation-check]
assert moved
assert np.array_equal(max_left, max_right) and max_left.max() == map_left.max()
# --8<-- [end:translation-check]

# --8<-- [start:mnist]
(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train[..., np.newaxis].astype("float32") / 255  # (n, 28, 28) -> (n, 28, 28, 1)
x_test = x_test[..., np.newaxis].astype("float32") / 255

convnet = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    keras.layers.Conv2D(16, 3, activation="relu"),
    keras.layers.MaxPooling2D(2),
    keras.layers.Conv2D(32, 3, activation="relu"),
    keras.layers.MaxPooling2D(2),
    keras.layers.Flatten(),
    keras.layers.Dense(10, activation="softmax"),
])
for layer in convnet.layers:
    print(f"{layer.name:16} {tuple(layer.output.shape)}")
convnet.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
convnet.fit(x_train, y_train, epochs=2, batch_size=64, verbose=0)
_, accuracy = convnet.evaluate(x_test, y_test, verbose=0)
print("test accuracy", round(accuracy, 3))
# --8<-- [end:mnist]
# --8<-- [start:mnist-check]
# feature maps get deeper (16 -> 32 channels) and smaller (26 -> 13 -> 11 -> 5)
assert [tuple(convnet.layers[i].output.shape[1:]) for i in range(4)] == [
    (26, 26, 16), (13, 13, 16), (11, 11, 32), (5, 5, 32)]
assert accuracy > 0.5  # 10 classes: chance is 0.1
# --8<-- [end:mnist-check]

# --8<-- [start:conv1d]
sequences = keras.Input(shape=(50, 3))  # (steps, features per step)
features = keras.layers.Conv1D(16, kernel_size=5, activation="relu")(sequences)
per_step = keras.layers.Dense(1)(features)  # Dense works on the last axis only
print("Conv1D:", tuple(features.shape), "-> Dense:", tuple(per_step.shape))  # one per step

flattened = keras.layers.Flatten()(features)
pooled = keras.layers.GlobalMaxPooling1D()(features)  # max over the steps axis
per_sample = keras.layers.Dense(1)(pooled)
print("Flatten:", tuple(flattened.shape), "| GlobalMaxPooling1D:", tuple(pooled.shape),
      "-> Dense:", tuple(per_sample.shape))  # one value per sample

# note 000's "conv1D -> pooling -> Dense -> conv1D -> pooling" is a valid stack, too
mixed = keras.Sequential([
    keras.Input(shape=(50, 3)),
    keras.layers.Conv1D(16, 3), keras.layers.MaxPooling1D(2),
    keras.layers.Dense(8),  # per step
    keras.layers.Conv1D(8, 3), keras.layers.MaxPooling1D(2),
])
for layer in mixed.layers:
    print(f"{layer.name:16} {tuple(layer.output.shape)}")
# --8<-- [end:conv1d]
# --8<-- [start:conv1d-check]
assert tuple(features.shape) == (None, 46, 16)  # 3D: one 16-vector per remaining step
assert tuple(per_step.shape) == (None, 46, 1)  # still one value per step, not per sample
assert tuple(flattened.shape) == (None, 46 * 16)
assert tuple(pooled.shape) == (None, 16)
assert tuple(per_sample.shape) == (None, 1)
assert tuple(mixed.layers[2].output.shape) == (None, 24, 8)
assert tuple(mixed.layers[-1].output.shape) == (None, 11, 8)
assert np.allclose(  # the Dense between the convolutions does what a 1x1 convolution does
    ops.convert_to_numpy(
        mixed.layers[2](np.linspace(-1, 1, 24 * 16, dtype="float32").reshape(1, 24, 16))),
    ops.convert_to_numpy(keras.layers.Conv1D(
        8, 1, name="pointwise_probe",
        kernel_initializer=keras.initializers.Constant(mixed.layers[2].kernel.numpy()[None]),
        bias_initializer=keras.initializers.Constant(mixed.layers[2].bias.numpy()),
    )(np.linspace(-1, 1, 24 * 16, dtype="float32").reshape(1, 24, 16))),
    atol=1e-5,
)
# --8<-- [end:conv1d-check]

# --8<-- [start:separable]
feature_map = keras.Input(shape=(16, 16, 32))
regular = keras.layers.Conv2D(64, 3, padding="same")
separable = keras.layers.SeparableConv2D(64, 3, padding="same")
print("outputs:", tuple(regular(feature_map).shape), tuple(separable(feature_map).shape))
print("Conv2D:", regular.count_params(), " SeparableConv2D:", separable.count_params())
# --8<-- [end:separable]
# --8<-- [start:separable-check]
assert tuple(regular.output.shape) == tuple(separable.output.shape) == (None, 16, 16, 64)
assert regular.count_params() == 3 * 3 * 32 * 64 + 64                # 18,496
assert separable.count_params() == 3 * 3 * 32 + 32 * 64 + 64         # 2,400
# --8<-- [end:separable-check]

# --8<-- [start:augmentation]
batch = x_train[:32]
changed = {}
for layer in (keras.layers.RandomFlip("horizontal"), keras.layers.RandomRotation(0.1)):
    in_training = not np.allclose(layer(batch, training=True), batch)
    in_inference = not np.array_equal(layer(batch, training=False), batch)
    changed[layer.name] = (in_training, in_inference)
    print(f"{layer.name}: changes images in training {in_training}, in inference {in_inference}")

augment = keras.Sequential([  # for digits: small turns and zooms, no mirror images
    keras.layers.RandomRotation(0.05),
    keras.layers.RandomZoom(0.1),
])
augmented_net = keras.Sequential([keras.Input(shape=(28, 28, 1)), augment, convnet])
# predict() and evaluate() run in inference mode: test data is never augmented
same_predictions = np.allclose(augmented_net.predict(x_test[:8], verbose=0),
                               convnet.predict(x_test[:8], verbose=0))
print("same predictions with and without augmentation:", same_predictions)
# --8<-- [end:augmentation]
# --8<-- [start:augmentation-check]
assert len(changed) == 2 and all(flags == (True, False) for flags in changed.values())
assert same_predictions
# --8<-- [end:augmentation-check]

# --8<-- [start:pretrain]
# Stand-in for a pretrained conv base: trained on digits 0-4, reused for digits 5-9
conv_base = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    keras.layers.Conv2D(16, 3, activation="relu", name="block1_conv"),
    keras.layers.MaxPooling2D(2, name="block1_pool"),
    keras.layers.Conv2D(32, 3, activation="relu", name="block2_conv"),
    keras.layers.MaxPooling2D(2, name="block2_pool"),
    keras.layers.Conv2D(32, 3, activation="relu", name="block3_conv"),
], name="conv_base")
source = keras.Sequential([
    conv_base, keras.layers.Flatten(), keras.layers.Dense(5, activation="softmax")])
old_task, new_task = y_train < 5, y_train >= 5
source.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
source.fit(x_train[old_task], y_train[old_task], epochs=3, batch_size=64, verbose=0)
print("conv base output:", tuple(conv_base.output.shape))
# --8<-- [end:pretrain]

# --8<-- [start:feature-extraction]
x_new, y_new = x_train[new_task], y_train[new_task] - 5  # labels 0-4 for digits 5-9
x_new_test, y_new_test = x_test[y_test >= 5], y_test[y_test >= 5] - 5

conv_base.trainable = False  # freeze before compiling
frozen_before = [w.copy() for w in conv_base.get_weights()]
classifier = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    augment,                                  # augmentation runs in training only
    conv_base,
    keras.layers.Flatten(),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(5, activation="softmax"),
])
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                   metrics=["accuracy"])
classifier.fit(x_new, y_new, epochs=8, batch_size=64, verbose=0)
_, accuracy = classifier.evaluate(x_new_test, y_new_test, verbose=0)
print("new task accuracy, frozen base:", round(accuracy, 3))
base_unchanged = all(np.array_equal(a, b)
                     for a, b in zip(frozen_before, conv_base.get_weights(), strict=True))
print("trainable weights:", len(classifier.trainable_weights), "| base unchanged:", base_unchanged)
# --8<-- [end:feature-extraction]
# --8<-- [start:feature-extraction-check]
assert base_unchanged
assert len(classifier.trainable_weights) == 4  # only the two new Dense layers train
assert accuracy > 0.5  # 5 classes: chance is 0.2
# --8<-- [end:feature-extraction-check]

# --8<-- [start:fast-features]
train_features = conv_base.predict(x_new, verbose=0)  # run the base once, keep NumPy arrays
test_features = conv_base.predict(x_new_test, verbose=0)
np.save("train_features.npy", train_features)
print("features:", train_features.shape)

head = keras.Sequential([
    keras.Input(shape=train_features.shape[1:]),
    keras.layers.Flatten(),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(5, activation="softmax"),
])
head.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
head.fit(np.load("train_features.npy"), y_new, epochs=6, batch_size=64, verbose=0)
_, accuracy = head.evaluate(test_features, y_new_test, verbose=0)
print("new task accuracy, precomputed features:", round(accuracy, 3))
# --8<-- [end:fast-features]
# --8<-- [start:fast-features-check]
assert train_features.shape == (len(x_new), 3, 3, 32)
assert accuracy > 0.5  # 5 classes: chance is 0.2
# --8<-- [end:fast-features-check]

# --8<-- [start:fine-tuning]
conv_base.trainable = True
for layer in conv_base.layers:
    layer.trainable = layer.name == "block3_conv"  # unfreeze only the top conv layer
lower_before = conv_base.get_layer("block1_conv").get_weights()[0].copy()
top_before = conv_base.get_layer("block3_conv").get_weights()[0].copy()

classifier.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4),  # recompile, low rate
                   loss="sparse_categorical_crossentropy", metrics=["accuracy"])
classifier.fit(x_new, y_new, epochs=2, batch_size=64, verbose=0)
_, tuned = classifier.evaluate(x_new_test, y_new_test, verbose=0)
print("new task accuracy, fine-tuned:", round(tuned, 3))
lower_after = conv_base.get_layer("block1_conv").get_weights()[0]
top_after = conv_base.get_layer("block3_conv").get_weights()[0]
print("trainable weights:", len(classifier.trainable_weights),
      "| block1 changed:", not np.array_equal(lower_after, lower_before),
      "| block3 changed:", not np.array_equal(top_after, top_before))
# --8<-- [end:fine-tuning]
# --8<-- [start:fine-tuning-check]
assert np.array_equal(lower_after, lower_before)
assert not np.array_equal(top_after, top_before)
assert len(classifier.trainable_weights) == 6  # block3_conv (2) + the two Dense layers (4)
# --8<-- [end:fine-tuning-check]
