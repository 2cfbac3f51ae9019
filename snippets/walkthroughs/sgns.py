# --8<-- [start:corpus]
import keras
import numpy as np

topics = {
    "family": ["father", "mother", "son", "daughter", "home", "family"],
    "royal": ["king", "queen", "prince", "princess", "palace", "crown"],
    "fruit": ["apple", "banana", "cherry", "grape", "lemon", "melon"],
}
rng = np.random.default_rng(0)
# 300 "sentences" of 8 words, each drawn from one topic: words of a topic share contexts
corpus = [list(rng.choice(words, size=8)) for words in rng.choice(list(topics.values()), 300)]
vocabulary = sorted({word for words in topics.values() for word in words})
word_index = {word: i + 1 for i, word in enumerate(vocabulary)}  # 0 is kept for padding
index_word = {i: word for word, i in word_index.items()}
V = len(word_index) + 1
print(len(corpus), "sentences, the first:", " ".join(corpus[0]), "| vocabulary size:", V)
# --8<-- [end:corpus]

# --8<-- [start:pairs]
def skipgram_pairs(sentences, window=2, negatives=1, seed=0):
    """(target, context, label): label 1 for a neighbor within `window`, 0 for a random word."""
    rng = np.random.default_rng(seed)
    rows = []
    for sentence in sentences:
        ids = [word_index[word] for word in sentence]
        for i, target in enumerate(ids):
            for j in range(max(0, i - window), min(len(ids), i + window + 1)):
                if j != i:
                    rows.append((target, ids[j], 1))
                    for noise in rng.integers(1, V, size=negatives):
                        rows.append((target, noise, 0))
    rows = np.array(rows, dtype="int32")
    return rows[rng.permutation(len(rows))]


X = skipgram_pairs(corpus)
print(X.shape, X[:3])
print("positives:", int(X[:, 2].sum()), "negatives:", int((X[:, 2] == 0).sum()))
# --8<-- [end:pairs]
# --8<-- [start:pairs-check]
assert not hasattr(keras.preprocessing.sequence, "skipgrams")  # gone in Keras 3
# --8<-- [end:pairs-check]

# --8<-- [start:model]
EMBEDDING_DIM = 8
target_input = keras.Input(shape=(1,), name="target")
context_input = keras.Input(shape=(1,), name="context")
target_vector = keras.layers.Embedding(V, EMBEDDING_DIM, name="target_embedding")(target_input)
context_vector = keras.layers.Embedding(V, EMBEDDING_DIM, name="context_embedding")(context_input)
dot = keras.layers.Dot(axes=2)([target_vector, context_vector])  # (batch, 1, 1)
score = keras.layers.Reshape((1,))(dot)  # -> (batch, 1)
output = keras.layers.Activation("sigmoid")(score)
model = keras.Model([target_input, context_input], output)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
print("embedding", target_vector.shape, "-> dot", dot.shape, "-> reshape", score.shape)
# --8<-- [end:model]
# --8<-- [start:model-check]
assert model.output_shape == (None, 1)
# --8<-- [end:model-check]

# --8<-- [start:fit]
BATCH_SIZE, NUM_EPOCHS = 256, 15
hist = model.fit([X[:, 0], X[:, 1]], X[:, 2],
                 batch_size=BATCH_SIZE,
                 epochs=NUM_EPOCHS, verbose=0)
print(f"loss {hist.history['loss'][0]:.3f} -> {hist.history['loss'][-1]:.3f}, "
      f"accuracy {hist.history['accuracy'][-1]:.2f}")
# --8<-- [end:fit]
# --8<-- [start:fit-check]
assert hist.history["loss"][-1] < hist.history["loss"][0]
# --8<-- [end:fit-check]

# --8<-- [start:neighbors]
W = model.get_layer("target_embedding").get_weights()[0]  # (V, EMBEDDING_DIM)
unit = W / np.linalg.norm(W, axis=1, keepdims=True).clip(1e-8)


def nearest(word, k=3):
    similarity = unit @ unit[word_index[word]]
    order = [i for i in np.argsort(-similarity) if i not in (0, word_index[word])]
    return [(index_word[i], round(float(similarity[i]), 2)) for i in order[:k]]


for word in ("father", "king", "apple"):
    print(word, "->", nearest(word))
family = set(topics["family"])
# --8<-- [end:neighbors]
# --8<-- [start:neighbors-check]
assert all(word in family for word, _ in nearest("father"))
# --8<-- [end:neighbors-check]

# --8<-- [start:distances]
from sklearn.metrics.pairwise import euclidean_distances

father, mother, king = (W[word_index[w]] for w in ("father", "mother", "king"))
print(euclidean_distances([father, mother]))  # a 2 x 2 matrix: each row vs each row
print(euclidean_distances([father], [mother, king]))  # one row against two
distances = euclidean_distances([father], [mother, king])[0]
# --8<-- [end:distances]
# --8<-- [start:distances-check]
assert distances[0] < distances[1]  # father is closer to mother than to king
# --8<-- [end:distances-check]

# --8<-- [start:plot]
import matplotlib.pyplot as plt
from sklearn.decomposition import PCA

points = PCA(n_components=2).fit_transform(W[1:])
fig, ax = plt.subplots(figsize=(5, 4))
colors = {word: f"C{i}" for i, words in enumerate(topics.values()) for word in words}
for (x, y), word in zip(points, vocabulary, strict=True):
    ax.scatter(x, y, color=colors[word])
    ax.annotate(word, (x, y), fontsize=8)
ax.set_title("target embeddings, PCA to 2-D")
plt.show()
# --8<-- [end:plot]

# --8<-- [start:save]
import pickle

print([(i, layer.name) for i, layer in enumerate(model.layers)])
with open("embedding_W.pickle", "wb") as f:
    pickle.dump(model.get_layer("target_embedding").get_weights(), f, pickle.HIGHEST_PROTOCOL)
with open("embedding_W.pickle", "rb") as f:
    loaded = pickle.load(f)
print(np.array_equal(loaded[0], W))  # the pickle gives back the same matrix
# --8<-- [end:save]
# --8<-- [start:save-check]
assert np.array_equal(loaded[0], W)
# --8<-- [end:save-check]

# --8<-- [start:reuse]
model.save_weights("sgns.weights.h5")
print(model.load_weights("sgns.weights.h5"))  # fills the model in place, returns None

# reuse: a frozen Embedding initialized with the saved weights (a list holding one matrix)
embedding = keras.layers.Embedding(V, EMBEDDING_DIM, weights=loaded, trainable=False)
vector = embedding(np.array([word_index["father"]]))
print(vector.shape, np.allclose(vector[0], W[word_index["father"]]))
# --8<-- [end:reuse]
# --8<-- [start:reuse-check]
assert np.allclose(vector[0], W[word_index["father"]])
assert model.load_weights("sgns.weights.h5") is None
# --8<-- [end:reuse-check]

# --8<-- [start:reuse-note]
keras.layers.Embedding(V, EMBEDDING_DIM, load_weights=loaded)  # note 000's spelling
# --8<-- [end:reuse-note]

# --8<-- [start:input-length]
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    keras.layers.Embedding(V, EMBEDDING_DIM, input_length=8)
print(caught[0].message)
# --8<-- [end:input-length]
# --8<-- [start:input-length-check]
assert "input_length" in str(caught[0].message)
assert "input_length" not in keras.layers.Embedding(V, 8, input_length=8).get_config()  # dropped
# --8<-- [end:input-length-check]
