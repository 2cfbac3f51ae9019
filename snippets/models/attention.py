# --8<-- [start:by-hand]
import keras
import numpy as np
from keras import ops

keras.utils.set_random_seed(0)  # the same weights on every run
rng = np.random.default_rng(0)
d_k = 4
q = rng.normal(size=(1, 2, d_k)).astype("float32")  # (batch, T_query=2, d_k)
k = rng.normal(size=(1, 3, d_k)).astype("float32")  # (batch, T_key=3, d_k)
v = rng.normal(size=(1, 3, 4)).astype("float32")    # (batch, T_key=3, d_v=4)

scores = ops.matmul(q, ops.transpose(k, (0, 2, 1))) / np.sqrt(d_k)  # QK^T / sqrt(d_k)
weights = ops.softmax(scores, axis=-1)  # over the keys
output = ops.matmul(weights, v)  # each query's weighted mean of the values
print("weights (query x key):\n", np.round(ops.convert_to_numpy(weights[0]), 3))
print("sum over keys:", np.round(ops.convert_to_numpy(ops.sum(weights, axis=-1)[0]), 6))
print("output", tuple(output.shape))

# the same formula as one Keras op (it wants (batch, T, heads, d): one head here)
fused = ops.dot_product_attention(q[:, :, None], k[:, :, None], v[:, :, None])
print("ops.dot_product_attention, largest difference:",
      float(ops.max(ops.abs(fused[:, :, 0] - output))))
# --8<-- [end:by-hand]
# --8<-- [start:by-hand-check]
assert tuple(weights.shape) == (1, 2, 3) and tuple(output.shape) == (1, 2, 4)
assert np.allclose(ops.sum(weights, axis=-1), 1.0, atol=1e-6)
assert np.all(ops.convert_to_numpy(weights) > 0)  # softmax: no key gets exactly zero
assert np.allclose(fused[:, :, 0], output, atol=1e-4)
# why sqrt(d_k): dot products of random d_k-dim vectors have a spread of sqrt(d_k)
# (a generator of its own, not `rng`: later blocks see the same draws)
assert all(
    abs(np.prod(np.random.default_rng(d).normal(size=(2, 10_000, d)), axis=0).sum(-1).std()
        / np.sqrt(d) - 1) < 0.05
    for d in (4, 64, 256)
)
# --8<-- [end:by-hand-check]

# --8<-- [start:self-attention]
x = rng.normal(size=(2, 5, 16)).astype("float32")  # (batch, T=5, features=16)
mha = keras.layers.MultiHeadAttention(num_heads=2, key_dim=8)
out, scores = mha(x, x, return_attention_scores=True)  # self-attention: query = value = key
print("input", x.shape, "-> output", tuple(out.shape))
print("scores (batch, heads, T_query, T_key):", tuple(scores.shape))
sums = ops.convert_to_numpy(ops.sum(scores, axis=-1))  # one sum per (batch, head, query)
print("sum over keys: min", round(float(sums.min()), 4), " max", round(float(sums.max()), 4))

# per head, the same formula as above on the layer's own projections of x
q_heads = mha.query_dense(x)  # (batch, T, heads, key_dim) = (2, 5, 2, 8)
k_heads = mha.key_dense(x)
by_hand = ops.softmax(ops.einsum("bqhd,bkhd->bhqk", q_heads, k_heads) / np.sqrt(8), axis=-1)
same = np.allclose(ops.convert_to_numpy(by_hand), ops.convert_to_numpy(scores), atol=1e-3)
print("projected query", tuple(q_heads.shape), "; scores == softmax(QK^T / sqrt(8)):", same)
# --8<-- [end:self-attention]
# --8<-- [start:self-attention-check]
assert tuple(out.shape) == (2, 5, 16) and tuple(scores.shape) == (2, 2, 5, 5)
assert np.allclose(ops.convert_to_numpy(ops.sum(scores, axis=-1)), 1.0, atol=1e-5)  # weights
assert tuple(q_heads.shape) == (2, 5, 2, 8)
assert same
# --8<-- [end:self-attention-check]

# --8<-- [start:cross-attention]
target = rng.normal(size=(2, 3, 16)).astype("float32")   # queries: 3 positions, 16 features
source = rng.normal(size=(2, 7, 12)).astype("float32")   # values (and keys): 7 positions, 12
cross = keras.layers.MultiHeadAttention(num_heads=2, key_dim=8)
out, scores = cross(target, source, return_attention_scores=True)  # key defaults to value
print("query", target.shape, "+ value", source.shape, "-> output", tuple(out.shape))
print("scores (batch, heads, T_query, T_key):", tuple(scores.shape))
# --8<-- [end:cross-attention]
# --8<-- [start:cross-attention-check]
assert tuple(out.shape) == (2, 3, 16)  # the query's length and features
assert tuple(scores.shape) == (2, 2, 3, 7)
assert np.allclose(ops.convert_to_numpy(ops.sum(scores, axis=-1)), 1.0, atol=1e-5)
# --8<-- [end:cross-attention-check]

# --8<-- [start:parameters]
def mha_params(heads, key_dim, d_query, d_value, value_dim=None):
    value_dim = value_dim or key_dim  # value_dim defaults to key_dim
    d_key = d_value  # key defaults to value
    return ((d_query + 1) * heads * key_dim      # query projection (kernel + bias)
            + (d_key + 1) * heads * key_dim      # key projection
            + (d_value + 1) * heads * value_dim  # value projection
            + (heads * value_dim + 1) * d_query)  # output projection, back to d_query


for name, layer, d_query, d_value in (("self ", mha, 16, 16), ("cross", cross, 16, 12)):
    print(name, "params", layer.count_params(), " formula", mha_params(2, 8, d_query, d_value))
print([tuple(w.shape) for w in cross.weights])
# --8<-- [end:parameters]
# --8<-- [start:parameters-check]
assert mha.count_params() == mha_params(2, 8, 16, 16) == 4 * (16 * 16 + 16)
assert cross.count_params() == mha_params(2, 8, 16, 12)
assert len(cross.weights) == 8  # four projections, each a kernel and a bias
# --8<-- [end:parameters-check]

# --8<-- [start:attention-mask]
ids = np.array([[5, 3, 8, 0, 0]])  # three tokens, padded with 0 to length 5
x = rng.normal(size=(1, 5, 16)).astype("float32")  # stand-in vectors for the five positions
keep = ids != 0                                     # (batch, T_key): True = a real token
attention_mask = np.repeat(keep[:, None, :], 5, axis=1)  # (batch, T_query, T_key)
print(attention_mask[0].astype(int))
masked_out, masked_scores = mha(x, x, attention_mask=attention_mask,
                                return_attention_scores=True)
print("head 0 weights:\n", np.round(ops.convert_to_numpy(masked_scores[0, 0]), 3))

short_out = mha(x[:, :3], x[:, :3])  # the same three tokens, no padding at all
difference = float(ops.max(ops.abs(masked_out[:, :3] - short_out)))
print(f"real positions, padded vs unpadded, largest difference: {difference:.1e}")
# --8<-- [end:attention-mask]
# --8<-- [start:attention-mask-check]
assert np.all(ops.convert_to_numpy(masked_scores)[..., 3:] == 0)  # padded keys: weight 0
assert np.allclose(ops.convert_to_numpy(ops.sum(masked_scores, axis=-1)), 1.0, atol=1e-5)
assert np.allclose(ops.convert_to_numpy(masked_out[:, :3]), ops.convert_to_numpy(short_out),
                   atol=1e-3)
# --8<-- [end:attention-mask-check]

# --8<-- [start:embedding-mask]
embed = keras.layers.Embedding(20, 16, mask_zero=True)  # id 0 = padding, masked
vectors = embed(ids)
print("mask:", ops.convert_to_numpy(embed.compute_mask(ids)))
masked_out, masked_scores = mha(vectors, vectors, return_attention_scores=True)  # no mask argument
print("head 0 weights:\n", np.round(ops.convert_to_numpy(masked_scores[0, 0]), 3))
short = embed(ids[:, :3])
difference = float(ops.max(ops.abs(masked_out[:, :3] - mha(short, short))))
print(f"real positions, padded vs unpadded, largest difference: {difference:.1e}")
# --8<-- [end:embedding-mask]
# --8<-- [start:embedding-mask-check]
assert ops.convert_to_numpy(embed.compute_mask(ids)).tolist() == [[True] * 3 + [False] * 2]
assert np.all(ops.convert_to_numpy(masked_scores)[..., 3:] == 0)  # padded keys: weight 0
assert np.all(ops.convert_to_numpy(masked_scores)[:, :, 3:] == 0)  # padded queries: no weights
assert np.allclose(ops.convert_to_numpy(masked_out[:, :3]),
                   ops.convert_to_numpy(mha(short, short)), atol=1e-3)
assert ops.convert_to_numpy(masked_out._keras_mask).tolist() == [[True] * 3 + [False] * 2]
# --8<-- [end:embedding-mask-check]

# --8<-- [start:causal-mask]
x = rng.normal(size=(1, 5, 16)).astype("float32")
causal_out, causal_scores = mha(x, x, use_causal_mask=True, return_attention_scores=True)
print("head 0 weights:\n", np.round(ops.convert_to_numpy(causal_scores[0, 0]), 3))

changed = x.copy()
changed[:, 3:] = rng.normal(size=(1, 2, 16))  # change the last two positions only
changed_out = mha(changed, changed, use_causal_mask=True)
difference = float(ops.max(ops.abs(changed_out[:, :3] - causal_out[:, :3])))
print(f"positions 0-2 after changing positions 3-4, largest difference: {difference:.1e}")
# --8<-- [end:causal-mask]
# --8<-- [start:causal-mask-check]
assert np.all(np.triu(ops.convert_to_numpy(causal_scores), k=1) == 0)  # above the diagonal
assert np.all(ops.convert_to_numpy(causal_scores)[:, :, 0, 0] == 1.0)  # position 0 sees itself only
assert np.allclose(ops.convert_to_numpy(changed_out[:, :3]),
                   ops.convert_to_numpy(causal_out[:, :3]), atol=1e-3)
assert not np.allclose(ops.convert_to_numpy(changed_out[:, 3:]),
                       ops.convert_to_numpy(causal_out[:, 3:]), atol=1e-3)
# --8<-- [end:causal-mask-check]

# --8<-- [start:encoder]
class TokenAndPosition(keras.layers.Layer):
    """Token embedding + learned position embedding; id 0 is padding and is masked."""

    def __init__(self, vocabulary_size, max_length, dim, **kwargs):
        super().__init__(**kwargs)
        self.tokens = keras.layers.Embedding(vocabulary_size, dim, mask_zero=True)
        self.positions = keras.layers.Embedding(max_length, dim)

    def call(self, ids):
        where = ops.arange(ops.shape(ids)[-1])  # 0, 1, ..., T - 1
        return self.tokens(ids) + self.positions(where)

    def compute_mask(self, ids, mask=None):
        return self.tokens.compute_mask(ids)  # the padding mask travels on


def encoder_block(x, heads=2, key_dim=8, ff_dim=32):
    dim = x.shape[-1]
    attended = keras.layers.MultiHeadAttention(heads, key_dim)(x, x)  # self-attention
    x = keras.layers.LayerNormalization()(keras.layers.Add()([x, attended]))  # residual + norm
    ff = keras.layers.Dense(ff_dim, activation="relu")(x)  # position-wise feedforward
    ff = keras.layers.Dense(dim)(ff)
    return keras.layers.LayerNormalization()(keras.layers.Add()([x, ff]))  # residual + norm


inputs = keras.Input(shape=(None,), dtype="int32")  # any length up to max_length
embedded = TokenAndPosition(vocabulary_size=20, max_length=10, dim=16)(inputs)
encoded = encoder_block(embedded)
pooled = keras.layers.GlobalAveragePooling1D()(encoded)  # the mean over real positions only
outputs = keras.layers.Dense(1, activation="sigmoid")(pooled)
model = keras.Model(inputs, outputs)
print(tuple(inputs.shape), "->", tuple(embedded.shape), "->", tuple(encoded.shape), "->",
      tuple(pooled.shape), "->", tuple(outputs.shape))
print("params", model.count_params())
# --8<-- [end:encoder]
# --8<-- [start:encoder-check]
assert tuple(encoded.shape) == (None, None, 16) and tuple(pooled.shape) == (None, 16)
assert encoded._keras_mask is not None  # the padding mask reaches the pooling
assert getattr(embedded + encoded, "_keras_mask", None) is None  # `+` would drop it
# self-attention alone ignores order: positions permuted in, outputs permuted the same way
assert np.allclose(ops.convert_to_numpy(mha(x[:, [4, 2, 0, 3, 1]], x[:, [4, 2, 0, 3, 1]])),
                   ops.convert_to_numpy(ops.take(mha(x, x), [4, 2, 0, 3, 1], axis=1)), atol=1e-4)
assert model.count_params() == (20 + 10) * 16 + mha_params(2, 8, 16, 16) + 2 * 2 * 16 + (
    16 * 32 + 32) + (32 * 16 + 16) + (16 + 1)
# --8<-- [end:encoder-check]

# --8<-- [start:train]
def make_data(n, max_length=10):
    """Sequences of ids 1-19, 4-10 long, padded with 0; label 1 if id 7 is in the sequence."""
    ids = rng.choice([i for i in range(1, 20) if i != 7], size=(n, max_length))
    lengths = rng.integers(4, max_length + 1, size=n)
    labels = rng.integers(0, 2, size=n)  # half the sequences get one 7
    for row, (length, label) in enumerate(zip(lengths, labels, strict=True)):
        ids[row, length:] = 0
        if label:
            ids[row, rng.integers(0, length)] = 7
    return ids, labels.astype("float32")


x_train, y_train = make_data(512)
x_test, y_test = make_data(256)
print(x_train[:3], y_train[:3])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
before = model.evaluate(x_test, y_test, verbose=0)[1]
history = model.fit(x_train, y_train, epochs=5, batch_size=32, verbose=0)
after = model.evaluate(x_test, y_test, verbose=0)[1]
print("accuracy by epoch:", [round(a, 2) for a in history.history["accuracy"]])
print("test accuracy before training:", round(before, 2), " after:", round(after, 2))
# --8<-- [end:train]
# --8<-- [start:train-check]
assert history.history["accuracy"][-1] > max(0.9, history.history["accuracy"][0])
assert before < 0.7 and after > 0.9
assert 0.4 < y_train.mean() < 0.6  # balanced classes: 0.5 is chance
# --8<-- [end:train-check]

# --8<-- [start:padding-invariance]
unpadded = np.array([[4, 7, 12, 9]])
padded = np.array([[4, 7, 12, 9, 0, 0, 0, 0, 0, 0]])
without_7 = np.array([[4, 3, 12, 9, 0, 0]])
for name, seq in (("unpadded", unpadded), ("padded", padded), ("without 7", without_7)):
    print(f"{name:9} {seq[0]}  p(7 in it) = {float(model.predict(seq, verbose=0)[0, 0]):.4f}")
# --8<-- [end:padding-invariance]
# --8<-- [start:padding-invariance-check]
assert np.allclose(model.predict(unpadded, verbose=0), model.predict(padded, verbose=0),
                   atol=1e-4)
assert model.predict(unpadded, verbose=0)[0, 0] > 0.5 > model.predict(without_7, verbose=0)[0, 0]
# --8<-- [end:padding-invariance-check]
