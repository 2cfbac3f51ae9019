# --8<-- [start:tokens]
import keras
import numpy as np

keras.utils.set_random_seed(0)  # the same initial weights and shuffles on every run
texts = ["Hope to see you soon", "Nice to see you again"]
vectorize = keras.layers.TextVectorization(output_mode="int")  # words -> integer ids
vectorize.adapt(texts)  # learn the vocabulary
vocabulary = [str(word) for word in vectorize.get_vocabulary()]
ids = np.asarray(vectorize(texts))
print(vocabulary)
print(ids)
unknown = np.asarray(vectorize(["see you tomorrow"]))
print(unknown)  # 'tomorrow' is not in the vocabulary: id 1
# --8<-- [end:tokens]
# --8<-- [start:tokens-check]
assert vocabulary[:2] == ["", "[UNK]"]  # id 0 = padding, id 1 = out-of-vocabulary
assert len(vocabulary) == 2 + 7 and ids.shape == (2, 5)
assert ids[0, 1] == ids[1, 1] == vocabulary.index("to")  # the same word, the same id
assert unknown[0, 2] == 1  # unknown word -> [UNK]
# --8<-- [end:tokens-check]

# --8<-- [start:bag-of-words]
bag = keras.layers.TextVectorization(output_mode="multi_hot")
bag.adapt(texts)
bag_a, bag_b = np.asarray(bag(["to see you", "you see to"]))
print("words only, same vector:", np.array_equal(bag_a, bag_b))  # the order is gone

bigrams = keras.layers.TextVectorization(output_mode="multi_hot", ngrams=2)
bigrams.adapt(texts)
print([str(gram) for gram in bigrams.get_vocabulary()])
gram_a, gram_b = np.asarray(bigrams(["to see you", "you see to"]))
print("with 2-grams, same vector:", np.array_equal(gram_a, gram_b))

chars = keras.layers.TextVectorization(output_mode="multi_hot", split="character", ngrams=2)
chars.adapt(["hope", "nope"])
print([str(gram) for gram in chars.get_vocabulary()])  # character 1- and 2-grams
# --8<-- [end:bag-of-words]
# --8<-- [start:bag-of-words-check]
assert np.array_equal(bag_a, bag_b)  # a bag of words forgets the order
assert {"to see", "see you"} <= set(bigrams.get_vocabulary())  # word 2-grams, next to words
assert not np.array_equal(gram_a, gram_b)  # 2-grams keep some of the order
assert {"o", "h o", "o p"} <= set(chars.get_vocabulary())
# --8<-- [end:bag-of-words-check]

# --8<-- [start:embedding-order]
word_embedding = keras.layers.Embedding(len(vocabulary), 2)
word_vectors = word_embedding(ids)  # integer ids in, float vectors out
again = word_embedding(word_vectors)  # note 001's order: the embedded values in once more
print(tuple(ids.shape), "->", tuple(word_vectors.shape), "->", tuple(again.shape))
row_0 = word_embedding.embeddings.numpy()[0]
print("every vector became row 0:", np.allclose(keras.ops.convert_to_numpy(again), row_0))
# --8<-- [end:embedding-order]
# --8<-- [start:embedding-order-check]
assert tuple(word_vectors.shape) == (2, 5, 2)
assert tuple(again.shape) == (2, 5, 2, 2)  # no error, but a 4D tensor ...
assert np.allclose(keras.ops.convert_to_numpy(again), row_0)  # ... of row 0 only
# --8<-- [end:embedding-order-check]

# --8<-- [start:embedding-layer]
import inspect

embedding_layer = keras.layers.Embedding(1000, 64)  # ids 0 to 999, 64-dim vectors
batch = np.random.default_rng(0).integers(0, 1000, size=(32, 10))  # (samples, sequence_length)
vectors = keras.ops.convert_to_numpy(embedding_layer(batch))
print(batch.dtype, batch.shape, "->", vectors.dtype, tuple(vectors.shape))
table = embedding_layer.embeddings.numpy()   # the lookup table: one row per id
print("table", table.shape, "; output[3, 7] == table[id]:",
      np.array_equal(vectors[3, 7], table[batch[3, 7]]))
edges = keras.ops.convert_to_numpy(embedding_layer(np.array([[0, 999]])))  # first and last id
print("ids 0 and 999 -> rows 0 and 999:", np.array_equal(edges[0], table[[0, 999]]))
lookup = inspect.getsource(keras.layers.Embedding.call)
print([line.strip() for line in lookup.splitlines() if "take" in line])  # the lookup op
# --8<-- [end:embedding-layer]
# --8<-- [start:embedding-layer-check]
assert tuple(vectors.shape) == (32, 10, 64)  # 2D integers in, 3D floats out
assert vectors.dtype == np.float32
assert table.shape == (1000, 64)
assert np.array_equal(vectors, table[batch])  # output = table[id], everywhere
assert np.array_equal(edges[0], table[[0, 999]])  # id 0 is an ordinary row
assert "ops.take(self.embeddings" in lookup and "embedding_lookup" not in lookup
assert np.array_equal(keras.ops.convert_to_numpy(keras.ops.take(table, batch, axis=0)), vectors)
assert "tf.gather(" in inspect.getsource(keras.src.backend.tensorflow.numpy.take)
assert hasattr(keras.layers, "Embedding") and not hasattr(keras.layers, "Embdding")
# --8<-- [end:embedding-layer-check]

# --8<-- [start:input-length]
import warnings

text = np.array([[0, 1, 2, 3, 4], [5, 1, 2, 3, 6]])  # note 004's encoded sentences
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    keras.layers.Embedding(7, 2, input_length=5)
print(caught[0].message)

embedding = keras.layers.Embedding(7, 2)  # no input_length: any sequence length works
embedding.build()
note_table = np.array([[1.2, 3.1], [0.1, 4.2], [1.0, 3.1], [0.3, 2.1],
                       [2.2, 1.4], [0.7, 1.7], [4.1, 2.0]], dtype="float32")
embedding.set_weights([note_table])
out = keras.ops.convert_to_numpy(embedding(text))
print(out[1])  # 'Nice to see you again' as five 2-dim vectors
short = embedding(text[:, :3])
print("three ids per sentence:", tuple(short.shape))
# --8<-- [end:input-length]
# --8<-- [start:input-length-check]
assert "`input_length` is deprecated" in str(caught[0].message)
assert out.shape == (2, 5, 2) and np.array_equal(out[1, 0], note_table[5])  # id 5 -> row 5
assert np.array_equal(out, note_table[text])
assert tuple(short.shape) == (2, 3, 2)
assert not hasattr(keras.layers, "Embeddig")  # the note's comment: a typo for Embedding
# --8<-- [end:input-length-check]

# --8<-- [start:skipgram-pairs]
rng = np.random.default_rng(0)
words = ["<pad>", "father", "mother", "son", "daughter", "apple", "banana", "cherry", "grape"]
family, fruit = [1, 2, 3, 4], [5, 6, 7, 8]
sentences = [rng.choice(family if s % 2 else fruit, size=6) for s in range(200)]


def skipgram_pairs(sentence, window=2, negatives=2, vocabulary_size=len(words)):  # noqa: B008
    rows = []
    for i, target in enumerate(sentence):
        for j in range(max(0, i - window), min(len(sentence), i + window + 1)):
            if j != i:
                rows.append((target, sentence[j], 1))  # a real neighbor
                for noise in rng.integers(1, vocabulary_size, size=negatives):
                    rows.append((target, noise, 0))  # a random word
    return rows


X = np.array([row for sentence in sentences for row in skipgram_pairs(sentence)])
print(X.shape, X[:3].tolist())  # columns: target, context, label
print("positives:", (X[:, 2] == 1).sum(), " negatives:", (X[:, 2] == 0).sum())
# --8<-- [end:skipgram-pairs]
# --8<-- [start:skipgram-pairs-check]
assert X.shape[1] == 3 and set(np.unique(X[:, 2])) == {0, 1}
assert (X[:, 2] == 0).sum() == 2 * (X[:, 2] == 1).sum()  # two negatives per positive
# --8<-- [end:skipgram-pairs-check]

# --8<-- [start:no-skipgrams]
from keras.preprocessing.sequence import skipgrams  # noqa: F401, I001  (Keras 2)
# --8<-- [end:no-skipgrams]

# --8<-- [start:dot-model]
V, D = len(words), 8
target = keras.Input(shape=(1,), name="target")
context = keras.Input(shape=(1,), name="context")
t = keras.layers.Embedding(V, D, name="target_embedding")(target)     # (None, 1, 8)
c = keras.layers.Embedding(V, D, name="context_embedding")(context)   # (None, 1, 8)
dot = keras.layers.Dot(axes=2)([t, c])    # sum over axis 2 (the 8 numbers): (None, 1, 1)
score = keras.layers.Reshape(())(dot)     # drop the two size-1 axes: (None,)
probability = keras.layers.Activation("sigmoid")(score)
sgns = keras.Model([target, context], probability)
print([layer.name for layer in sgns.layers])
print(t.shape, "->", dot.shape, "->", score.shape)

sgns.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy")
before = sgns.evaluate([X[:, 0], X[:, 1]], X[:, 2], verbose=0)  # about ln 2 = 0.693
hist = sgns.fit([X[:, 0], X[:, 1]], X[:, 2], batch_size=256, epochs=5, verbose=0)
print("loss", round(before, 3), "->", round(hist.history["loss"][-1], 3))
# --8<-- [end:dot-model]
# --8<-- [start:dot-model-check]
assert tuple(t.shape) == (None, 1, D) and tuple(dot.shape) == (None, 1, 1)
assert tuple(score.shape) == (None,)
assert tuple(keras.layers.Reshape((1,))(dot).shape) == (None, 1)  # (batch, 1) needs (1,)
assert abs(before - np.log(2)) < 0.05
assert hist.history["loss"][-1] < 0.75 * before
# --8<-- [end:dot-model-check]

# --8<-- [start:dot-axis-note]
keras.layers.Dot(axis=2)  # note 000: "axis=2"
# --8<-- [end:dot-axis-note]

# --8<-- [start:distances]
from sklearn.metrics.pairwise import cosine_similarity, euclidean_distances

We = sgns.get_layer("target_embedding").get_weights()[0]  # (9, 8): one row per word
father, mother, apple = We[1], We[2], We[5]
d = euclidean_distances([father, mother])  # a 2D input: one row per vector
print(d.round(3))
# --8<-- [end:distances]
# --8<-- [start:distances-check]
assert d.shape == (2, 2) and np.isclose(d[0, 1], np.linalg.norm(father - mother), atol=1e-5)
# --8<-- [end:distances-check]

# --8<-- [start:distances-note]
euclidean_distances(father, mother)  # two 1D vectors
# --8<-- [end:distances-note]

# --8<-- [start:cosine]
similarity = cosine_similarity([father], [mother, apple])[0]
print("cosine(father, mother), cosine(father, apple):", similarity.round(3))
# --8<-- [end:cosine]
# --8<-- [start:cosine-check]
assert similarity[0] > similarity[1] + 0.3  # words that share contexts end up close
assert abs(similarity[1]) < 0.3  # a word from the other topic: near 0
# --8<-- [end:cosine-check]

# --8<-- [start:pretrained]
frozen = keras.layers.Embedding(V, D, embeddings_initializer=keras.initializers.Constant(We),
                                trainable=False)
classifier = keras.Sequential([
    keras.Input(shape=(6,)),
    frozen,
    keras.layers.GlobalAveragePooling1D(),
    keras.layers.Dense(1, activation="sigmoid"),
])
sentence_ids = np.array(sentences)
is_family = np.array([s % 2 for s in range(200)], dtype="float32")
classifier.compile(optimizer=keras.optimizers.Adam(0.05), loss="binary_crossentropy",
                   metrics=["accuracy"])
classifier.fit(sentence_ids, is_family, epochs=20, verbose=0)
accuracy = classifier.evaluate(sentence_ids, is_family, verbose=0)[1]
print("accuracy with frozen SGNS vectors:", accuracy)
print("table unchanged by training:", np.array_equal(frozen.embeddings.numpy(), We),
      "; trainable weights:", [w.name for w in classifier.trainable_weights])
# --8<-- [end:pretrained]
# --8<-- [start:pretrained-check]
assert np.array_equal(frozen.embeddings.numpy(), We)  # unchanged by training
assert len(classifier.trainable_weights) == 2         # only the Dense layer trains
assert accuracy > 0.9
# --8<-- [end:pretrained-check]

# --8<-- [start:fine-tune]
frozen.trainable = True  # fine-tuning: the pretrained table trains too
classifier.compile(optimizer=keras.optimizers.Adam(0.001), loss="binary_crossentropy",
                   metrics=["accuracy"])  # compile again after changing trainable
classifier.fit(sentence_ids, is_family, epochs=2, verbose=0)
print("trainable weights:", len(classifier.trainable_weights),
      "; table changed:", not np.array_equal(frozen.embeddings.numpy(), We))
# --8<-- [end:fine-tune]
# --8<-- [start:fine-tune-check]
assert len(classifier.trainable_weights) == 3  # the table, then the Dense kernel and bias
assert not np.array_equal(frozen.embeddings.numpy(), We)
# --8<-- [end:fine-tune-check]

# --8<-- [start:set-weights]
fresh = keras.Sequential([keras.Input(shape=(6,)), keras.layers.Embedding(V, D)])
fresh.layers[0].set_weights([We])  # a list holding one (V, D) matrix
print(np.array_equal(fresh.layers[0].embeddings.numpy(), We))
# --8<-- [end:set-weights]
# --8<-- [start:set-weights-check]
assert np.array_equal(fresh.layers[0].embeddings.numpy(), We)
# --8<-- [end:set-weights-check]

# --8<-- [start:set-weights-note]
fresh.layers[0].set_weights(We)  # the bare matrix: read as a list of 9 rows
# --8<-- [end:set-weights-note]

# --8<-- [start:weights-argument]
via_weights = keras.layers.Embedding(V, D, weights=[We], trainable=False)
via_weights.build()
print(np.array_equal(via_weights.embeddings.numpy(), We))
# --8<-- [end:weights-argument]
# --8<-- [start:weights-argument-check]
assert np.array_equal(via_weights.embeddings.numpy(), We)
# --8<-- [end:weights-argument-check]

# --8<-- [start:load-weights]
sgns.save_weights("sgns.weights.h5")  # Keras 3: the name must end in .weights.h5
copy = keras.models.clone_model(sgns)  # same architecture, new random weights
returned = copy.load_weights("sgns.weights.h5")
print(returned)  # load_weights fills the model in place; it returns nothing
print(np.array_equal(copy.get_layer("target_embedding").get_weights()[0], We))
# --8<-- [end:load-weights]
# --8<-- [start:load-weights-check]
assert returned is None
assert np.array_equal(copy.get_layer("target_embedding").get_weights()[0], We)
assert not hasattr(keras, "load_weights")  # no bare load_weights() that hands back weights
assert keras.saving.load_weights(copy, "sgns.weights.h5") is None  # it fills a model, too
# --8<-- [end:load-weights-check]

# --8<-- [start:load-weights-note]
keras.layers.Embedding(V, D, load_weights=returned)  # note 000: w = ....load_weights(...)
# --8<-- [end:load-weights-note]

# --8<-- [start:save]
import pickle

print([(i, layer.name) for i, layer in enumerate(sgns.layers)][:4])

with open("embedding_W.pickle", "wb") as f:
    pickle.dump(sgns.get_layer("target_embedding").get_weights(), f, pickle.HIGHEST_PROTOCOL)
with open("embedding_W.pickle", "rb") as f:
    loaded = pickle.load(f)  # a list with one (9, 8) array
print(type(loaded).__name__, len(loaded), loaded[0].shape, np.array_equal(loaded[0], We))

np.save("embedding_W.npy", We)  # one array, no pickle needed
print(np.array_equal(np.load("embedding_W.npy"), We))
# --8<-- [end:save]
# --8<-- [start:save-check]
assert sgns.layers[2] is sgns.get_layer("target_embedding")  # after the two Input layers
assert len(loaded) == 1 and np.array_equal(loaded[0], We)
assert np.array_equal(np.load("embedding_W.npy"), We)
# --8<-- [end:save-check]
