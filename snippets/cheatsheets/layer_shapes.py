# --8<-- [start:shapes]
import keras
from keras import layers

ROWS = [  # (code as in the table, layer, input shape, expected output shape); None = batch
    ("Dense(16)", layers.Dense(16), (None, 10), (None, 16)),
    ("Dense(16)", layers.Dense(16), (None, 5, 10), (None, 5, 16)),
    ("Conv1D(32, 3)", layers.Conv1D(32, 3), (None, 100, 8), (None, 98, 32)),
    ('Conv1D(32, 3, padding="same")', layers.Conv1D(32, 3, padding="same"),
     (None, 100, 8), (None, 100, 32)),
    ("Conv1D(32, 3, strides=2)", layers.Conv1D(32, 3, strides=2), (None, 100, 8), (None, 49, 32)),
    ("Conv2D(32, 3)", layers.Conv2D(32, 3), (None, 28, 28, 1), (None, 26, 26, 32)),
    ('Conv2D(32, 3, padding="same")', layers.Conv2D(32, 3, padding="same"),
     (None, 28, 28, 1), (None, 28, 28, 32)),
    ('Conv2D(32, 3, strides=2, padding="same")', layers.Conv2D(32, 3, strides=2, padding="same"),
     (None, 28, 28, 1), (None, 14, 14, 32)),
    ('Conv2D(30, (8, 3), padding="same")', layers.Conv2D(30, (8, 3), padding="same"),
     (None, 20, 6, 1), (None, 20, 6, 30)),
    ("MaxPooling1D(2)", layers.MaxPooling1D(2), (None, 98, 32), (None, 49, 32)),
    ("MaxPooling2D(2)", layers.MaxPooling2D(2), (None, 26, 26, 32), (None, 13, 13, 32)),
    ("MaxPooling2D((2, 1), strides=1)", layers.MaxPooling2D((2, 1), strides=1),
     (None, 20, 6, 30), (None, 19, 6, 30)),
    ("Flatten()", layers.Flatten(), (None, 13, 13, 32), (None, 5408)),
    ("GlobalMaxPooling1D()", layers.GlobalMaxPooling1D(), (None, 98, 32), (None, 32)),
    ("GlobalAveragePooling2D()", layers.GlobalAveragePooling2D(), (None, 13, 13, 32), (None, 32)),
    ("SimpleRNN(16)", layers.SimpleRNN(16), (None, 20, 8), (None, 16)),
    ("SimpleRNN(16, return_sequences=True)", layers.SimpleRNN(16, return_sequences=True),
     (None, 20, 8), (None, 20, 16)),
    ("LSTM(16)", layers.LSTM(16), (None, 20, 8), (None, 16)),
    ("LSTM(16, return_sequences=True)", layers.LSTM(16, return_sequences=True),
     (None, 20, 8), (None, 20, 16)),
    ("GRU(16)", layers.GRU(16), (None, 20, 8), (None, 16)),
    ("GRU(16, return_sequences=True)", layers.GRU(16, return_sequences=True),
     (None, 20, 8), (None, 20, 16)),
    ("Bidirectional(LSTM(16))", layers.Bidirectional(layers.LSTM(16)), (None, 20, 8), (None, 32)),
    ('Bidirectional(LSTM(16), merge_mode="sum")',
     layers.Bidirectional(layers.LSTM(16), merge_mode="sum"), (None, 20, 8), (None, 16)),
    ("Bidirectional(LSTM(16, return_sequences=True))",
     layers.Bidirectional(layers.LSTM(16, return_sequences=True)), (None, 20, 8), (None, 20, 32)),
    ("TimeDistributed(Dense(4))", layers.TimeDistributed(layers.Dense(4)),
     (None, 20, 16), (None, 20, 4)),
    ("Embedding(1000, 64)", layers.Embedding(1000, 64), (None, 50), (None, 50, 64)),
]
for code, layer, input_shape, _ in ROWS:
    dtype = "int32" if code.startswith("Embedding") else "float32"  # Embedding takes word ids
    output = layer(keras.Input(batch_shape=input_shape, dtype=dtype))
    print(f"{code:48s} {str(input_shape):20s} -> {tuple(output.shape)}")
# --8<-- [end:shapes]
# --8<-- [start:shapes-check]
assert all(tuple(layer.output.shape) == expected for _, layer, _, expected in ROWS)
# --8<-- [end:shapes-check]

# --8<-- [start:params]
PARAMS = [  # (code, layer, input shape, parameter count by hand)
    ("Dense(16)", layers.Dense(16), (None, 10), 10 * 16 + 16),
    ("Conv2D(32, 3)", layers.Conv2D(32, 3), (None, 28, 28, 3), 3 * 3 * 3 * 32 + 32),
    ("SimpleRNN(16)", layers.SimpleRNN(16), (None, 20, 8), 16 * (8 + 16) + 16),
    ("LSTM(16)", layers.LSTM(16), (None, 20, 8), 4 * (16 * (8 + 16) + 16)),
    ("GRU(16)", layers.GRU(16), (None, 20, 8), 3 * (16 * (8 + 16) + 2 * 16)),  # reset_after
    ("Bidirectional(LSTM(16))", layers.Bidirectional(layers.LSTM(16)), (None, 20, 8),
     2 * 4 * (16 * (8 + 16) + 16)),
    ("TimeDistributed(Dense(4))", layers.TimeDistributed(layers.Dense(4)), (None, 20, 16),
     16 * 4 + 4),
    ("Embedding(1000, 64)", layers.Embedding(1000, 64), (None, 50), 1000 * 64),
]
for code, layer, input_shape, _ in PARAMS:
    layer(keras.Input(batch_shape=input_shape))  # building creates the weights
    print(f"{code:28s} {layer.count_params():6d} parameters")
# --8<-- [end:params]
# --8<-- [start:params-check]
assert all(layer.count_params() == by_hand for _, layer, _, by_hand in PARAMS)
# the 4 and 3 are weight blocks, one per gate and one for the candidate, side by side:
# LSTM gates i, f, o + candidate c; GRU gates z, r + candidate h
assert (PARAMS[3][0], PARAMS[4][0]) == ("LSTM(16)", "GRU(16)")
assert PARAMS[3][1].cell.kernel.shape == (8, 4 * 16)
assert PARAMS[3][1].cell.recurrent_kernel.shape == (16, 4 * 16)
assert PARAMS[4][1].cell.kernel.shape == (8, 3 * 16)
assert PARAMS[4][1].cell.recurrent_kernel.shape == (16, 3 * 16)
assert PARAMS[4][1].cell.bias.shape == (2, 3 * 16)  # reset_after=True: two sets of biases
assert PARAMS[3][3] == PARAMS[3][1].cell.kernel.shape[-1] // 16 * (16 * (8 + 16) + 16)
assert PARAMS[4][3] == PARAMS[4][1].cell.kernel.shape[-1] // 16 * (16 * (8 + 16) + 2 * 16)
# --8<-- [end:params-check]
