# --8<-- [start:data]
import keras
import numpy as np
from keras import ops

keras.utils.set_random_seed(0)  # the same initial weights, shuffles and dropout on every run
rng = np.random.default_rng(0)
n, steps, features = 256, 10, 2
x = rng.normal(size=(n, steps, features)).astype("float32")
y = 2 * x[:, :, 0].mean(axis=1, keepdims=True)  # a target that is often negative
print(x.shape, y.shape, "share of negative targets:", (y < 0).mean())
# --8<-- [end:data]
# --8<-- [start:data-check]
assert 0.3 < (y < 0).mean() < 0.7  # about half
# --8<-- [end:data-check]

# --8<-- [start:layers]
units = 8
rnn, lstm, gru = (keras.layers.SimpleRNN(units), keras.layers.LSTM(units),
                  keras.layers.GRU(units))
for layer in (rnn, lstm, gru):
    out = layer(x[:4])  # the last step's output only
    print(f"{type(layer).__name__:9} output {tuple(out.shape)}  params {layer.count_params()}")

one_block = features * units + units * units + units  # input weights, recurrent weights, bias
print("one block:", one_block, " LSTM activation:", lstm.cell.activation.__name__,
      " recurrent_activation:", lstm.cell.recurrent_activation.__name__)
for layer in (lstm, gru):  # one block of `units` columns per gate and per candidate
    print(f"{type(layer).__name__} kernel {tuple(layer.cell.kernel.shape)}: "
          f"{layer.cell.kernel.shape[-1] // units} blocks")
# --8<-- [end:layers]
# --8<-- [start:layers-check]
assert tuple(out.shape) == (4, units)
assert rnn.count_params() == one_block
# blocks: LSTM gates i, f, o + candidate c; GRU gates z, r + candidate h
assert lstm.cell.kernel.shape == (features, 4 * units)
assert lstm.cell.recurrent_kernel.shape == (units, 4 * units)
assert gru.cell.kernel.shape == (features, 3 * units)
assert gru.cell.recurrent_kernel.shape == (units, 3 * units)
assert gru.cell.bias.shape == (2, 3 * units)  # reset_after: an input and a recurrent bias
assert lstm.count_params() == lstm.cell.kernel.shape[-1] // units * one_block  # 4 blocks
assert gru.count_params() == gru.cell.kernel.shape[-1] // units * (one_block + units)  # 3 blocks
assert (lstm.cell.activation.__name__, lstm.cell.recurrent_activation.__name__) == (
    "tanh", "sigmoid")
# --8<-- [end:layers-check]

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

keras_out = ops.convert_to_numpy(lstm(sample))
print("largest difference:", np.abs(by_hand - keras_out).max())
print("with the old cell state:", np.abs(o * np.tanh(c_old) - keras_out[:, -1]).max())
# --8<-- [end:lstm-math]
# --8<-- [start:lstm-math-check]
assert np.allclose(by_hand, keras_out, atol=1e-3)  # float32; loose enough for GPU TF32 math
assert not np.allclose(o * np.tanh(c_old), keras_out[:, -1], atol=1e-3)  # the note's order
# --8<-- [end:lstm-math-check]

# --8<-- [start:note-table-names]
import inspect

print("return_sequences" in inspect.signature(keras.layers.LSTM).parameters)
print([hasattr(keras.layers, name) for name in ("lstm", "bidirectional", "timedistributed")])
print([hasattr(keras.layers, name) for name in ("LSTM", "Bidirectional", "TimeDistributed")])
# --8<-- [end:note-table-names]
# --8<-- [start:note-table-names-check]
assert "return_sequences" in inspect.signature(keras.layers.LSTM).parameters
assert not "return-sequences".isidentifier()  # a hyphen cannot be in a keyword name
assert not any(hasattr(keras.layers, n) for n in ("lstm", "bidirectional", "timedistributed"))
assert all(hasattr(keras.layers, n) for n in ("LSTM", "Bidirectional", "TimeDistributed"))
# --8<-- [end:note-table-names-check]

# --8<-- [start:note-hyphen]
compile("keras.layers.LSTM(16, return-sequences=True)", "<note 000>", "eval")
# --8<-- [end:note-hyphen]

# --8<-- [start:note-quotes]
compile("keras.layers.Bidirectional(lstm, merge_mode=‘concat’)", "<note 000>", "eval")
# --8<-- [end:note-quotes]

# --8<-- [start:stacked]
stacked = keras.Sequential([
    keras.Input(shape=(steps, features)),
    keras.layers.LSTM(16, return_sequences=True),  # passes every step on: (None, 10, 16)
    keras.layers.LSTM(8),                          # the last layer keeps only the last step
    keras.layers.Dense(1),
])
print(stacked.layers[0].output.shape, stacked.layers[1].output.shape)
# --8<-- [end:stacked]
# --8<-- [start:stacked-check]
assert tuple(stacked.layers[0].output.shape) == (None, steps, 16)
assert tuple(stacked.layers[1].output.shape) == (None, 8)
# --8<-- [end:stacked-check]

# --8<-- [start:stacked-note]
keras.Sequential([keras.Input(shape=(steps, features)),
                  keras.layers.LSTM(16),   # no return_sequences: only the last step, 2D
                  keras.layers.LSTM(8)])
# --8<-- [end:stacked-note]

# --8<-- [start:bidirectional]
def bidirectional(merge_mode):
    return keras.layers.Bidirectional(keras.layers.LSTM(8), merge_mode=merge_mode)


merged = {mode: bidirectional(mode)(x[:4]) for mode in ("concat", "sum", "mul", "ave")}
for mode, out in merged.items():
    print(f"{mode:6} {type(out).__name__} {tuple(out.shape)}")  # concat is the default
pair = bidirectional(None)(x[:4])
print("None  ", type(pair).__name__, [tuple(t.shape) for t in pair])
# --8<-- [end:bidirectional]
# --8<-- [start:bidirectional-check]
assert tuple(merged["concat"].shape) == (4, 16)  # forward 8 + backward 8, side by side
assert all(tuple(merged[mode].shape) == (4, 8) for mode in ("sum", "mul", "ave"))
assert isinstance(pair, tuple) and len(pair) == 2  # only merge_mode=None: (forward, backward)
# --8<-- [end:bidirectional-check]

# --8<-- [start:many-to-many]
y_seq = (np.cumsum(x[:, :, :1], axis=1) / np.arange(1, steps + 1)[:, None]).astype("float32")
seq_model = keras.Sequential([
    keras.Input(shape=(steps, features)),
    keras.layers.LSTM(16, return_sequences=True),
    keras.layers.TimeDistributed(keras.layers.Dense(1)),  # one output per step
])
seq_model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
history = seq_model.fit(x, y_seq, epochs=8, batch_size=32, verbose=0)
print("targets", y_seq.shape, " LSTM", seq_model.layers[0].output.shape,
      " outputs", seq_model.layers[-1].output.shape)  # one per step
print("loss", [round(v, 3) for v in history.history["loss"]])
# --8<-- [end:many-to-many]
# --8<-- [start:many-to-many-check]
assert tuple(seq_model.layers[-1].output.shape) == (None, steps, 1)  # one value per step
assert y_seq.shape == (n, steps, 1)
assert history.history["loss"][-1] < 0.5 * history.history["loss"][0]
# --8<-- [end:many-to-many-check]

# --8<-- [start:time-distributed]
dense = keras.layers.Dense(1)
wrapped = keras.layers.TimeDistributed(dense)  # wraps the very same layer: shared weights
hidden = ops.convert_to_numpy(seq_model.layers[0](x[:4]))  # (4, 10, 16)
per_step = np.stack([ops.convert_to_numpy(dense(hidden[:, t])) for t in range(steps)], axis=1)
via_wrapper = ops.convert_to_numpy(wrapped(hidden))
via_dense = ops.convert_to_numpy(dense(hidden))  # Dense alone acts on the last axis
print("TimeDistributed vs step by step:", np.abs(via_wrapper - per_step).max())
print("plain Dense vs step by step:    ", np.abs(via_dense - per_step).max())
print("weights for all 10 steps:", [tuple(w.shape) for w in wrapped.weights])
# --8<-- [end:time-distributed]
# --8<-- [start:time-distributed-check]
assert via_wrapper.shape == per_step.shape == (4, steps, 1)
assert np.allclose(via_wrapper, per_step, atol=1e-5)  # the same Dense at every step
assert np.allclose(via_dense, per_step, atol=1e-5)
assert len(wrapped.weights) == 2                      # one kernel, one bias for all steps
# --8<-- [end:time-distributed-check]

# --8<-- [start:dropout]
regularized = keras.layers.LSTM(8, dropout=0.2, recurrent_dropout=0.2)
out_a = ops.convert_to_numpy(regularized(x[:4], training=False))
out_b = ops.convert_to_numpy(regularized(x[:4], training=False))
out_train = ops.convert_to_numpy(regularized(x[:4], training=True))
print("inference, run twice:", np.abs(out_a - out_b).max())          # no dropout
print("training vs inference:", np.abs(out_train - out_a).max())

cell = regularized.cell  # the layer runs this cell once per step
masks = cell.get_dropout_mask(x[:4, 0])    # step 0: one input mask per block (i, f, c, o)
again = cell.get_dropout_mask(x[:4, 1])    # step 1: the cached masks come back
cell.reset_dropout_mask()                  # what the layer does for the next batch
renewed = cell.get_dropout_mask(x[:4, 0])  # new masks
print(len(masks), "masks; reused at the next step:", again is masks,
      "; after the reset:", renewed is masks)
print("input features kept for the i gate, at every step:\n", ops.convert_to_numpy(masks[0]) > 0)
# --8<-- [end:dropout]
# --8<-- [start:dropout-check]
assert np.array_equal(out_a, out_b)  # inference: no dropout
assert not np.allclose(out_train, out_a)
assert len(masks) == 4
assert again is masks  # cached: every step reuses the same masks
assert renewed is not masks
# --8<-- [end:dropout-check]

# --8<-- [start:conv1d-position]
spotter = keras.Sequential([
    keras.Input(shape=(12, 1)),
    keras.layers.Conv1D(4, 3),             # a window of 3 steps
    keras.layers.GlobalMaxPooling1D(),     # the strongest response, wherever it was
])


def place(pattern, start):
    sequence = np.zeros((1, 12, 1), dtype="float32")
    sequence[0, start:start + len(pattern), 0] = pattern
    return sequence


pattern = np.array([1.0, 2.0, 3.0])
early = ops.convert_to_numpy(spotter(place(pattern, 2)))
late = ops.convert_to_numpy(spotter(place(pattern, 7)))
backwards = ops.convert_to_numpy(spotter(place(pattern[::-1], 2)))
print("same pattern, early vs late:   ", np.abs(early - late).max())
print("same steps, in reverse order:  ", np.abs(early - backwards).max())
# --8<-- [end:conv1d-position]
# --8<-- [start:conv1d-position-check]
assert np.allclose(early, late, atol=1e-6)  # where the pattern is does not matter
assert not np.allclose(early, backwards, atol=1e-3)  # the order inside the window does
# --8<-- [end:conv1d-position-check]

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
print("the GRU reads", conv_rnn.layers[1].output.shape)
conv_rnn.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
history = conv_rnn.fit(long_x, long_y, epochs=6, batch_size=64, verbose=0)
print("loss", [round(v, 3) for v in history.history["loss"]])
# --8<-- [end:conv1d-gru]
# --8<-- [start:conv1d-gru-check]
assert tuple(conv_rnn.layers[1].output.shape) == (None, 58, 16)  # what the GRU reads
assert history.history["loss"][-1] < history.history["loss"][0]
# --8<-- [end:conv1d-gru-check]

# --8<-- [start:dense-in-stack]
mixed = keras.Sequential([
    keras.Input(shape=(steps, features)),
    keras.layers.LSTM(16, return_sequences=True),
    keras.layers.Dense(8, activation="relu"),  # per step: (None, 10, 16) -> (None, 10, 8)
    keras.layers.LSTM(8),
    keras.layers.Dense(1),
])
print("Dense between the LSTMs:", mixed.layers[1].output.shape)
print("trainable weights per layer:", [len(layer.trainable_weights) for layer in mixed.layers],
      "in one model:", len(mixed.trainable_weights))
# one training step: one loss, one backward pass, one update of all four layers
mixed.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
before = [layer.get_weights() for layer in mixed.layers]
mixed.train_on_batch(x[:32], y[:32])
moved = [not any(np.array_equal(a, b) for a, b in zip(old, layer.get_weights(), strict=True))
         for old, layer in zip(before, mixed.layers, strict=True)]
print("per layer, all weights changed by that one step:", moved)
# --8<-- [end:dense-in-stack]
# --8<-- [start:dense-in-stack-check]
assert tuple(mixed.layers[1].output.shape) == (None, steps, 8)
assert len(mixed.trainable_weights) == 3 + 2 + 3 + 2
assert moved == [True] * 4  # the one loss reached every layer
# --8<-- [end:dense-in-stack-check]

# --8<-- [start:relu-output]
def regressor(last_activation):
    return keras.Sequential([
        keras.Input(shape=(steps, features)),
        keras.layers.LSTM(8),
        keras.layers.Dense(1, activation=last_activation),
    ])


relu_model = regressor("relu")
smallest_relu_output = relu_model.predict(x, verbose=0).min()
print("smallest relu output:", smallest_relu_output)  # relu can never say "negative"
# so no relu-output model can beat this mse: every negative target is missed by at least |y|
best_possible_with_relu = np.mean(np.minimum(y, 0) ** 2)

linear_model = regressor(None)
linear_model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
linear_model.fit(x, y, epochs=10, batch_size=32, verbose=0)
linear_loss = linear_model.evaluate(x, y, verbose=0)
print(f"linear output: mse {linear_loss:.3f}; "
      f"any relu output: mse >= {best_possible_with_relu:.3f}")
# --8<-- [end:relu-output]
# --8<-- [start:relu-output-check]
assert smallest_relu_output >= 0
assert linear_loss < 0.5 * best_possible_with_relu  # far below the bound
assert linear_model.layers[0].activation is keras.activations.tanh  # the LSTM's default
# cuDNN runs an LSTM with tanh only (the layer's documented requirements)
assert "1. `activation` == `tanh`" in keras.layers.LSTM.__doc__
# --8<-- [end:relu-output-check]

# --8<-- [start:masking]
embed = keras.layers.Embedding(input_dim=20, output_dim=4, mask_zero=True)  # 0 = padding
encoder = keras.layers.LSTM(3)
padded = np.array([[3, 5, 0, 0]])  # a two-word sequence, padded to length 4
print(ops.convert_to_numpy(embed.compute_mask(padded)))
# the mask travels with the embedded tensor, and the LSTM skips the masked steps
with_padding = ops.convert_to_numpy(encoder(embed(padded)))
without_padding = ops.convert_to_numpy(encoder(embed(np.array([[3, 5]]))))
print("padded vs unpadded output, largest difference:",
      np.abs(with_padding - without_padding).max())

query, value = np.ones((1, 2, 4), "float32"), rng.normal(size=(1, 6, 4)).astype("float32")
attended = keras.layers.Attention()([query, value])  # dot-product attention
print("attention output:", tuple(attended.shape))  # one mix of the 6 values per query step
# --8<-- [end:masking]
# --8<-- [start:masking-check]
assert ops.convert_to_numpy(embed.compute_mask(padded)).tolist() == [[True, True, False, False]]
assert np.allclose(with_padding, without_padding, atol=1e-5)
assert tuple(attended.shape) == (1, 2, 4)
# --8<-- [end:masking-check]
