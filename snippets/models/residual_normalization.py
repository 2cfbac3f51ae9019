# --8<-- [start:identity]
import keras
import numpy as np
from keras import layers

inputs = keras.Input(shape=(16, 16, 32))
f = layers.Conv2D(32, 3, padding="same", activation="relu")(inputs)
f = layers.Conv2D(32, 3, padding="same")(f)             # f(x): the same shape as x
y = layers.add([inputs, f])                             # y = x + f(x), element by element
outputs = layers.Activation("relu")(y)
block = keras.Model(inputs, outputs)
print(tuple(inputs.shape), "+", tuple(f.shape), "->", tuple(outputs.shape))
print(f"parameters: {block.count_params():,}")
# --8<-- [end:identity]
# --8<-- [start:identity-check]
assert tuple(outputs.shape) == (None, 16, 16, 32)
assert block.count_params() == 2 * (3 * 3 * 32 * 32 + 32)  # two convolutions; add has none
assert np.allclose(  # relu(x + f(x)) for x = 1
    keras.ops.convert_to_numpy(block(np.ones((1, 16, 16, 32)))),
    np.maximum(1 + keras.ops.convert_to_numpy(keras.Model(inputs, f)(np.ones((1, 16, 16, 32)))), 0),
    atol=1e-5,
)
# --8<-- [end:identity-check]

# --8<-- [start:mismatch]
f = layers.Conv2D(64, 3, strides=2, padding="same")(inputs)  # (8, 8, 64): half the size
layers.add([inputs, f])
# --8<-- [end:mismatch]

# --8<-- [start:projection]
f = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(inputs)
f = layers.Conv2D(64, 3, padding="same")(f)             # f(x): (8, 8, 64)
shortcut = layers.Conv2D(64, 1, strides=2)(inputs)      # 1x1 projection: (16, 16, 32) -> (8, 8, 64)
outputs = layers.Activation("relu")(layers.add([shortcut, f]))
down = keras.Model(inputs, outputs, name="projection_block")
down.summary()

vector_in = keras.Input(shape=(20,))
g = layers.Dense(64, activation="relu")(vector_in)
g = layers.Dense(64)(g)
projection = layers.Dense(64)                           # for vectors the projection is a Dense
vector_out = layers.add([projection(vector_in), g])
print("Dense projection:", tuple(vector_in.shape), "->", tuple(vector_out.shape),
      f"parameters {projection.count_params():,}")
# --8<-- [end:projection]
# --8<-- [start:projection-check]
assert sorted(layer.count_params() for layer in down.layers if layer.count_params()) == sorted(
    [(3 * 3 * 32 + 1) * 64, (3 * 3 * 64 + 1) * 64, (1 * 1 * 32 + 1) * 64])  # (k*k*in + 1)*out
assert down.count_params() == 18_496 + 36_928 + 2_112 and tuple(outputs.shape) == (None, 8, 8, 64)
assert projection.count_params() == 20 * 64 + 64 and tuple(vector_out.shape) == (None, 64)
# --8<-- [end:projection-check]

# --8<-- [start:gradients]
import tensorflow as tf


def deep_net(blocks, residual):
    inputs = keras.Input(shape=(8,))
    h = layers.Dense(32, activation="relu")(inputs)
    for _ in range(blocks):
        f = layers.Dense(32, activation="relu")(h)
        f = layers.Dense(32)(f)
        h = layers.add([h, f]) if residual else f  # the same layers, with or without the skip
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(h))


keras.utils.set_random_seed(0)
rng = np.random.default_rng(0)
x = rng.normal(size=(256, 8)).astype("float32")
labels = (x[:, :4].sum(axis=1) * x[:, 4:].sum(axis=1) > 0).astype("float32")[:, None]
loss_fn = keras.losses.BinaryCrossentropy()
first_layer, counts = {}, {}  # (blocks, residual) -> first-layer gradient norm, parameters
print("blocks  layers  parameters  first-layer gradient: plain  residual")
for blocks in (1, 5, 10, 20):
    for residual in (False, True):
        model = deep_net(blocks, residual)
        with tf.GradientTape() as tape:
            loss = loss_fn(labels, model(x))
        kernel = model.trainable_weights[0]  # the first Dense layer's kernel
        first_layer[blocks, residual] = float(tf.norm(tape.gradient(loss, kernel)))
        counts[blocks, residual] = model.count_params()
    print(f"{blocks:6}  {2 * blocks + 2:6}  {model.count_params():10,}  "
          f"{first_layer[blocks, False]:27.1e}  {first_layer[blocks, True]:8.1e}")
# --8<-- [end:gradients]
# --8<-- [start:gradients-check]
assert all(counts[b, False] == counts[b, True] for b in (1, 5, 10, 20))  # the skip adds nothing
assert first_layer[20, False] < 1e-2 * first_layer[1, False]  # plain: it vanishes with depth
assert first_layer[20, True] > 0.5 * first_layer[1, True]  # residual: it does not
assert first_layer[20, True] > 100 * first_layer[20, False]
# --8<-- [end:gradients-check]

# --8<-- [start:batch-norm]
def rounded(values):
    return np.round(keras.ops.convert_to_numpy(values), 2) + 0.0  # + 0.0: no "-0." printed


rng = np.random.default_rng(0)
batch = rng.normal(loc=[0, 5, -3, 10], scale=[1, 2, 0.5, 4], size=(64, 4)).astype("float32")
bn = layers.BatchNormalization()
bn_out = rounded(bn(batch, training=True))  # training mode: the batch's own statistics
print("input mean per feature:", rounded(batch.mean(axis=0)), "std", rounded(batch.std(axis=0)))
print("BN    mean per feature:", rounded(bn_out.mean(axis=0)), "std", rounded(bn_out.std(axis=0)))
print("BN    mean per sample (first 3):", rounded(bn_out[:3].mean(axis=1)))
# --8<-- [end:batch-norm]
# --8<-- [start:batch-norm-check]
assert np.allclose(bn_out, (batch - batch.mean(axis=0)) / np.sqrt(batch.var(axis=0) + bn.epsilon),
                   atol=0.006)  # the formula, with the batch's own mean and variance
assert np.allclose(bn_out.mean(axis=0), 0, atol=0.01)
assert np.allclose(bn_out.std(axis=0), 1, atol=0.01)
assert not np.allclose(bn_out.mean(axis=1), 0, atol=0.1)  # a sample's features are not centered
# --8<-- [end:batch-norm-check]

# --8<-- [start:layer-norm]
ln = layers.LayerNormalization()
ln_out = rounded(ln(batch))  # the same in training and at inference
print("LN mean per sample (first 3):", rounded(ln_out[:3].mean(axis=1)),
      "std", rounded(ln_out[:3].std(axis=1)))
print("LN mean per feature:", rounded(ln_out.mean(axis=0)))
print("weights: BN", [w.name for w in bn.weights], " LN", [w.name for w in ln.weights])
print("parameters (trainable + non-trainable): BN",
      sum(w.numpy().size for w in bn.trainable_weights), "+",
      sum(w.numpy().size for w in bn.non_trainable_weights),
      " LN", sum(w.numpy().size for w in ln.trainable_weights), "+",
      sum(w.numpy().size for w in ln.non_trainable_weights))
# --8<-- [end:layer-norm]
# --8<-- [start:layer-norm-check]
assert np.allclose(keras.ops.convert_to_numpy(ln(batch)),
                   (batch - batch.mean(axis=1, keepdims=True))
                   / np.sqrt(batch.var(axis=1, keepdims=True) + ln.epsilon), atol=1e-4)
assert np.allclose(keras.ops.convert_to_numpy(ln(batch)).mean(axis=1), 0, atol=1e-5)
assert not np.allclose(ln_out.mean(axis=0), 0, atol=0.1)  # features are not centered over the batch
assert np.allclose(keras.ops.convert_to_numpy(ln(batch, training=True)),
                   keras.ops.convert_to_numpy(ln(batch, training=False)))
assert len(bn.non_trainable_weights) == 2 and not ln.non_trainable_weights
assert bn.count_params() == 4 * 4 and ln.count_params() == 2 * 4
# --8<-- [end:layer-norm-check]

# --8<-- [start:bn-inference]
sample = batch[:1]  # one sample, as a batch of one
print("sample 0:", rounded(sample[0]))
print("moving mean after 1 training call:", np.round(bn.moving_mean.numpy(), 3))
before = rounded(bn(sample, training=False)[0])
print("inference, sample 0:", before)
for _ in range(1000):
    bn(batch, training=True)  # each call moves the statistics 1% of the way to the batch's
print("moving mean after 1001 training calls:", rounded(bn.moving_mean))
after = rounded(bn(sample, training=False)[0])
print("inference, sample 0:", after)
print("training mode, sample 0 in the batch:", bn_out[0])
# --8<-- [end:bn-inference]
# --8<-- [start:bn-inference-check]
assert np.allclose(before, (sample[0] - (1 - bn.momentum) * batch.mean(axis=0))  # one update
                   / np.sqrt(bn.momentum + (1 - bn.momentum) * batch.var(axis=0) + bn.epsilon),
                   atol=0.006)
assert np.allclose(bn.moving_mean.numpy(), batch.mean(axis=0), atol=1e-2)  # 1 - 0.99**1001
assert np.allclose(keras.ops.convert_to_numpy(bn(sample, training=False)),
                   (sample - bn.moving_mean.numpy())
                   / np.sqrt(bn.moving_variance.numpy() + bn.epsilon), atol=1e-4)
assert np.allclose(after, bn_out[0], atol=0.02) and not np.allclose(before, after, atol=1)
# --8<-- [end:bn-inference-check]

# --8<-- [start:ln-independent]
other = rng.normal(size=(63, 4)).astype("float32") * 10  # other samples, on another scale
batches = {"alone": sample, "in the batch": batch, "in another batch": np.vstack([sample, other])}
bn_fresh, ln_fresh = layers.BatchNormalization(), layers.LayerNormalization()
bn_rows, ln_rows = {}, {}
print(f"{'sample 0':17}  {'BN, training mode':26}  LN, training / inference")
for where, data in batches.items():
    bn_rows[where] = rounded(bn_fresh(data, training=True)[0])
    ln_rows[where] = [rounded(ln_fresh(data, training=mode)[0]) for mode in (True, False)]
    print(f"{where:17}  {str(bn_rows[where]):26}  {ln_rows[where][0]} / {ln_rows[where][1]}")
# --8<-- [end:ln-independent]
# --8<-- [start:ln-independent-check]
assert all(np.allclose(row, ln_rows["alone"][0], atol=0.011) for r in ln_rows.values() for row in r)
assert np.allclose(bn_rows["alone"], 0)  # a batch of one is its own mean
assert not np.allclose(bn_rows["in the batch"], bn_rows["in another batch"], atol=0.1)
# --8<-- [end:ln-independent-check]

# --8<-- [start:blocks]
images = keras.Input(shape=(16, 16, 32))  # a CNN: BatchNormalization after each convolution
h = layers.Conv2D(32, 3, padding="same", use_bias=False)(images)  # BN's beta does the bias
h = layers.Activation("relu")(layers.BatchNormalization()(h))
h = layers.BatchNormalization()(layers.Conv2D(32, 3, padding="same", use_bias=False)(h))
resnet_block = keras.Model(images, layers.Activation("relu")(layers.add([images, h])))

tokens = keras.Input(shape=(10, 16))  # a sequence: 10 timesteps of 16 features
h = layers.Dense(64, activation="relu")(tokens)
h = layers.Dense(16)(h)
normalized = layers.LayerNormalization()(layers.add([tokens, h]))  # x + f(x), then LN
transformer_ffn = keras.Model(tokens, normalized)

for model in (resnet_block, transformer_ffn):
    frozen = sum(w.numpy().size for w in model.non_trainable_weights)  # BN's moving statistics
    print(f"{tuple(model.input.shape)} -> {tuple(model.output.shape)}  "
          f"parameters {model.count_params():,}  non-trainable {frozen}")
sequence = rng.normal(size=(2, 10, 16)).astype("float32")
per_token = transformer_ffn.predict(sequence, verbose=0)
means, stds = per_token.mean(axis=-1), per_token.std(axis=-1)  # over each timestep's features
print(f"LN per timestep: largest |mean| {np.abs(means).max():.3f}, "
      f"std from {stds.min():.3f} to {stds.max():.3f}")
# --8<-- [end:blocks]
# --8<-- [start:blocks-check]
assert resnet_block.count_params() == 2 * (3 * 3 * 32 * 32) + 2 * 4 * 32
assert transformer_ffn.count_params() == (16 * 64 + 64) + (64 * 16 + 16) + 2 * 16
assert np.allclose(means, 0, atol=1e-5) and np.allclose(stds, 1, atol=1e-2)
assert means.shape == (2, 10)  # one mean per sample and timestep
# --8<-- [end:blocks-check]
