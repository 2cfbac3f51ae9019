# --8<-- [start:corpus]
import keras
import numpy as np
import tensorflow as tf

text = (
    "the rain falls on the river and the river runs to the sea. "
    "the sea is wide and the wind is cold. the boat goes out on the sea "
    "and the boat comes home at night. the fisher sings to the wind, "
    "the wind sings to the sails, and the sails carry the boat home. "
) * 4  # a small corpus written for this page (repeated so that batches fill up)
vocab = sorted(set(text))
char2idx = {char: i for i, char in enumerate(vocab)}
idx2char = np.array(vocab)
text_as_int = np.array([char2idx[char] for char in text])
print(len(text), "characters,", len(vocab), "distinct:", "".join(vocab))
# --8<-- [end:corpus]

# --8<-- [start:dataset]
SEQ_LENGTH = 40
# batch size: sequences per training step (note 004 uses 64 for a 1 MB corpus)
BATCH_SIZE = 8
# shuffle buffer: tf.data shuffles within a buffer of this many elements,
# not the whole (possibly endless) dataset in memory
BUFFER_SIZE = 10000

chunks = tf.data.Dataset.from_tensor_slices(text_as_int).batch(SEQ_LENGTH + 1,
                                                               drop_remainder=True)


def split_input_target(chunk):
    return chunk[:-1], chunk[1:]  # predict each next character


dataset = (chunks.map(split_input_target)
           .shuffle(BUFFER_SIZE, seed=42)
           .batch(BATCH_SIZE, drop_remainder=True))
print(int(chunks.cardinality()), "chunks of", SEQ_LENGTH + 1, "characters ->",
      int(dataset.cardinality()), "batches of", BATCH_SIZE)
for x, y in dataset.take(1):
    print(x.shape, y.shape)
    print(repr("".join(idx2char[x[0].numpy()])), "->", repr("".join(idx2char[y[0].numpy()])))
# --8<-- [end:dataset]
# --8<-- [start:dataset-check]
assert x.shape == (BATCH_SIZE, SEQ_LENGTH)
assert chunks.batch(64, drop_remainder=True).cardinality() == 0  # note 004's 64: no batch at all
# --8<-- [end:dataset-check]

# --8<-- [start:model]
model = keras.Sequential([
    keras.Input(shape=(None,)),  # any sequence length
    keras.layers.Embedding(len(vocab), 16),
    keras.layers.GRU(128, return_sequences=True),  # one output per time step
    keras.layers.Dense(len(vocab)),  # logits over the next character
])
model.compile(optimizer=keras.optimizers.Adam(0.01),
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
print(model.output_shape)
# --8<-- [end:model]
# --8<-- [start:model-check]
assert model.output_shape == (None, None, len(vocab))
# --8<-- [end:model-check]

# --8<-- [start:train]
history = model.fit(dataset, epochs=20, shuffle=False, verbose=0)  # already shuffled
loss = history.history["loss"]
print(f"loss {loss[0]:.3f} -> {loss[-1]:.3f} (uniform guessing: {np.log(len(vocab)):.3f})")
# --8<-- [end:train]
# --8<-- [start:train-check]
assert loss[-1] < loss[0] / 2
# --8<-- [end:train-check]

# --8<-- [start:generate]
def generate(start, length=120, temperature=0.5, seed=0):
    """Sample one character at a time, feeding the text so far back into the model."""
    rng = np.random.default_rng(seed)
    ids = [char2idx[char] for char in start]
    for _ in range(length):
        # predict_on_batch: a compiled step that returns NumPy, on every backend
        logits = model.predict_on_batch(np.array([ids[-SEQ_LENGTH:]]))[0, -1]
        probabilities = np.exp((logits - logits.max()) / temperature)
        ids.append(rng.choice(len(vocab), p=probabilities / probabilities.sum()))
    return "".join(idx2char[ids])


sample = generate("the sea ")
print(sample)
# --8<-- [end:generate]
# --8<-- [start:generate-check]
assert set(sample) <= set(vocab)
# --8<-- [end:generate-check]

# --8<-- [start:plot]
import matplotlib.pyplot as plt

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(range(1, len(loss) + 1), loss)
ax.axhline(np.log(len(vocab)), linestyle="--", color="gray", label="uniform guess")
ax.set_xlabel("epoch")
ax.set_ylabel("cross-entropy per character")
ax.legend()
plt.show()
# --8<-- [end:plot]
