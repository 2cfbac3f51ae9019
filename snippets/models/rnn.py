# --8<-- [start:data]
import keras
import numpy as np

rng = np.random.default_rng(0)
n, steps, features = 256, 10, 2
x = rng.normal(size=(n, steps, features)).astype("float32")
y = 2 * x[:, :, 0].mean(axis=1, keepdims=True)  # a target that is often negative
print(x.shape, y.shape, "share of negative targets:", (y < 0).mean())
# --8<-- [end:data]

# --8<-- [start:layers]
units = 8
for layer_class in (keras.layers.SimpleRNN, keras.layers.LSTM, keras.layers.GRU):
    layer = layer_class(units)
    out = layer(x[:4])
    print(f"{layer_class.__name__:9} output {tuple(out.shape)}  params {layer.count_params()}")
    assert tuple(out.shape) == (4, units)  # the last step's output only

one_block = features * units + units * units + units  # input weights, recurrent weights, bias
rnn, lstm, gru = (keras.layers.SimpleRNN(units), keras.layers.LSTM(units),
                  keras.layers.GRU(units))
for layer in (rnn, lstm, gru):
    layer.build((None, steps, features))
assert rnn.count_params() == one_block
assert lstm.count_params() == 4 * one_block                # four gates' worth
assert gru.count_params() == 3 * (one_block + units)       # three gates, reset_after adds a bias
assert (lstm.cell.activation.__name__, lstm.cell.recurrent_activation.__name__) == (
    "tanh", "sigmoid")
# --8<-- [end:layers]

# --8<-- [start:lstm-math]
lstm = keras.layers.LSTM(units, return_sequences=True)
lstm.build((None, steps, features))
kernel, recurrent_kernel, bias = lstm.get_weights()
bias = rng.normal(size=bias.shape).astype("float32")  # make every bias matter
lstm.set_weights([kernel, recurrent_kernel, bias])
print(kernel.shape, recurrent_kernel.shape, bias.shape)  # (2, 32) (8, 32) (32,)

W = np.split(kernel, 4, axis=1)            # Keras order: i, f, c, o
U = np.split(recurrent_kernel, 4, axis=1)
b = np.split(bias, 4)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


sample = x[:1]
h = np.zeros((1, units), dtype="float32")
c = np.zeros((1, units), dtype="float32")
by_hand = []
for t in range(steps):
    x_t = sample[:, t, :]
    i = sigmoid(x_t @ W[0] + h @ U[0] + b[0])       # input gate
    f = sigmoid(x_t @ W[1] + h @ U[1] + b[1])       # forget gate
    k = np.tanh(x_t @ W[2] + h @ U[2] + b[2])       # candidate values
    o = sigmoid(x_t @ W[3] + h @ U[3] + b[3])       # output gate
    c_old, c = c, f * c + i * k                     # new cell state
    h = o * np.tanh(c)                              # output = new state h
    by_hand.append(h)
by_hand = np.stack(by_hand, axis=1)

keras_out = lstm(sample).numpy()
print("largest difference:", np.abs(by_hand - keras_out).max())
assert np.allclose(by_hand, keras_out, atol=1e-3)  # float32; loose enough for GPU TF32 math
print("with the old cell state:", np.abs(o * np.tanh(c_old) - keras_out[:, -1]).max())
assert not np.allclose(o * np.tanh(c_old), keras_out[:, -1], atol=1e-3)  # the note's order
# --8<-- [end:lstm-math]

# --8<-- [start:stacked]
stacked = keras.Sequential([
    keras.Input(shape=(steps, features)),
    keras.layers.LSTM(16, return_sequences=True),  # passes every step on: (None, 10, 16)
    keras.layers.LSTM(8),                          # the last layer keeps only the last step
    keras.layers.Dense(1),
])
assert tuple(stacked.layers[0].output.shape) == (None, steps, 16)
assert tuple(stacked.layers[1].output.shape) == (None, 8)

try:  # without return_sequences the second LSTM gets no time axis
    keras.Sequential([keras.Input(shape=(steps, features)),
                      keras.layers.LSTM(16), keras.layers.LSTM(8)])
except ValueError as error:
    print(str(error).splitlines()[0])
    assert "expected ndim=3, found ndim=2" in str(error)
else:
    raise AssertionError("an LSTM needs 3D input")
# --8<-- [end:stacked]

# --8<-- [start:bidirectional]
def bidirectional(merge_mode):
    return keras.layers.Bidirectional(keras.layers.LSTM(8), merge_mode=merge_mode)


concat = bidirectional("concat")(x[:4])  # the default
pair = bidirectional(None)(x[:4])
print(tuple(concat.shape), [tuple(t.shape) for t in pair])
assert tuple(concat.shape) == (4, 16)  # forward 8 + backward 8, side by side
for mode in ("sum", "mul", "ave"):
    assert tuple(bidirectional(mode)(x[:4]).shape) == (4, 8)  # combined element by element
assert isinstance(pair, tuple) and len(pair) == 2  # only merge_mode=None: (forward, backward)
# --8<-- [end:bidirectional]

# --8<-- [start:many-to-many]
y_seq = (np.cumsum(x[:, :, :1], axis=1) / np.arange(1, steps + 1)[:, None]).astype("float32")
seq_model = keras.Sequential([
    keras.Input(shape=(steps, features)),
    keras.layers.LSTM(16, return_sequences=True),
    keras.layers.TimeDistributed(keras.layers.Dense(1)),  # one output per step
])
seq_model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
history = seq_model.fit(x, y_seq, epochs=8, batch_size=32, verbose=0)
print("loss", [round(v, 3) for v in history.history["loss"]])
assert tuple(seq_model.layers[-1].output.shape) == (None, steps, 1)  # one value per step
assert y_seq.shape == (n, steps, 1)
assert history.history["loss"][-1] < 0.5 * history.history["loss"][0]
# --8<-- [end:many-to-many]

# --8<-- [start:time-distributed]
dense = keras.layers.Dense(1)
wrapped = keras.layers.TimeDistributed(dense)  # wraps the very same layer: shared weights
hidden = seq_model.layers[0](x[:4]).numpy()    # (4, 10, 16)
per_step = np.stack([dense(hidden[:, t]).numpy() for t in range(steps)], axis=1)
assert np.allclose(wrapped(hidden), per_step, atol=1e-5)  # the same Dense at every step
assert np.allclose(dense(hidden), per_step, atol=1e-5)    # Dense alone acts on the last axis
assert len(wrapped.weights) == 2                          # one kernel, one bias for all steps
# --8<-- [end:time-distributed]

# --8<-- [start:dropout]
regularized = keras.layers.LSTM(8, dropout=0.2, recurrent_dropout=0.2)
out_a = regularized(x[:4], training=False)
out_b = regularized(x[:4], training=False)
assert np.array_equal(out_a, out_b)  # inference: no dropout
assert not np.allclose(regularized(x[:4], training=True), out_a)

cell = regularized.cell  # the layer runs this cell once per step
step_input = x[:4, 0]
masks = cell.get_dropout_mask(step_input)  # one input mask per gate: i, f, c, o
assert len(masks) == 4
assert cell.get_dropout_mask(step_input) is masks  # cached: every step reuses the same masks
cell.reset_dropout_mask()                          # the layer resets them for the next batch
print("input features kept for the i gate, at every step:\n", np.asarray(masks[0]) > 0)
# --8<-- [end:dropout]

# --8<-- [start:conv1d-gru]
long_x = rng.normal(size=(256, 120, 1)).astype("float32")
long_y = long_x[:, -30:, 0].mean(axis=1, keepdims=True) * 3  # depends on the recent past
conv_rnn = keras.Sequential([
    keras.Input(shape=(120, 1)),
    keras.layers.Conv1D(16, 5, activation="relu"),  # 120 -> 116 steps
    keras.layers.MaxPooling1D(2),                    # 116 -> 58: a shorter sequence
    keras.layers.GRU(16),
    keras.layers.Dense(1),
])
assert tuple(conv_rnn.layers[1].output.shape) == (None, 58, 16)  # what the GRU reads
conv_rnn.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
history = conv_rnn.fit(long_x, long_y, epochs=6, batch_size=64, verbose=0)
print("loss", [round(v, 3) for v in history.history["loss"]])
assert history.history["loss"][-1] < history.history["loss"][0]
# --8<-- [end:conv1d-gru]

# --8<-- [start:dense-in-stack]
mixed = keras.Sequential([
    keras.Input(shape=(steps, features)),
    keras.layers.LSTM(16, return_sequences=True),
    keras.layers.Dense(8, activation="relu"),  # per step: (None, 10, 16) -> (None, 10, 8)
    keras.layers.LSTM(8),
    keras.layers.Dense(1),
])
assert tuple(mixed.layers[1].output.shape) == (None, steps, 8)
# one model: one loss, and one backward pass reaches the weights of all four layers
assert len(mixed.trainable_weights) == 3 + 2 + 3 + 2
# --8<-- [end:dense-in-stack]

# --8<-- [start:relu-output]
def regressor(last_activation):
    return keras.Sequential([
        keras.Input(shape=(steps, features)),
        keras.layers.LSTM(8),
        keras.layers.Dense(1, activation=last_activation),
    ])


relu_model = regressor("relu")
assert relu_model.predict(x, verbose=0).min() >= 0  # relu can never say "negative"
# so no relu-output model can beat this mse: every negative target is missed by at least |y|
best_possible_with_relu = np.mean(np.minimum(y, 0) ** 2)

linear_model = regressor(None)
linear_model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
linear_model.fit(x, y, epochs=10, batch_size=32, verbose=0)
linear_loss = linear_model.evaluate(x, y, verbose=0)
print(f"linear output: mse {linear_loss:.3f}; "
      f"any relu output: mse >= {best_possible_with_relu:.3f}")
assert linear_loss < best_possible_with_relu
# --8<-- [end:relu-output]

# --8<-- [start:masking]
embed = keras.layers.Embedding(input_dim=20, output_dim=4, mask_zero=True)  # 0 = padding
encoder = keras.layers.LSTM(3)
padded = np.array([[3, 5, 0, 0]])  # a two-word sequence, padded to length 4
print(embed.compute_mask(padded).numpy())
assert embed.compute_mask(padded).numpy().tolist() == [[True, True, False, False]]
# the mask travels with the embedded tensor, and the LSTM skips the masked steps
assert np.allclose(encoder(embed(padded)), encoder(embed(np.array([[3, 5]]))), atol=1e-5)

query, value = np.ones((1, 2, 4), "float32"), rng.normal(size=(1, 6, 4)).astype("float32")
attended = keras.layers.Attention()([query, value])  # dot-product attention
assert tuple(attended.shape) == (1, 2, 4)  # one mix of the 6 values per query step
# --8<-- [end:masking]
