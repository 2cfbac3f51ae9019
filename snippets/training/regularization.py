# --8<-- [start:data]
import keras
import numpy as np

keras.utils.set_random_seed(0)  # the same initial weights, shuffling and dropout on every run
rng = np.random.default_rng(0)


def make_data(n):
    x = rng.normal(size=(n, 10)).astype("float32")
    y = ((x[:, 0] * x[:, 1] + x[:, 2]) > 0).astype("float32")
    flip = rng.random(n) < 0.1  # 10% label noise: nothing can learn these
    return x, np.where(flip, 1 - y, y).astype("float32")


x_train, y_train = make_data(100)  # deliberately few training samples
x_val, y_val = make_data(500)
x_more, y_more = make_data(1000)  # "more data", used at the end


def build_model(units=128, depth=2, dropout=0.0, l2=0.0):
    model = keras.Sequential([keras.Input(shape=(10,))])
    for _ in range(depth):
        model.add(keras.layers.Dense(units, activation="relu",
                                     kernel_regularizer=keras.regularizers.l2(l2) if l2 else None))
        if dropout:
            model.add(keras.layers.Dropout(dropout))
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy")
    return model


def train(model, x, y, epochs):
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=epochs, batch_size=32,
                        verbose=0)
    return history.history


print(x_train.shape, x_val.shape, x_more.shape)
# --8<-- [end:data]

# --8<-- [start:overfit]
plain = train(build_model(), x_train, y_train, epochs=25)
best_epoch = int(np.argmin(plain["val_loss"]))
print(f"train loss {plain['loss'][0]:.3f} -> {plain['loss'][-1]:.3f}")
print(f"val_loss lowest {min(plain['val_loss']):.3f} at epoch {best_epoch}, "
      f"last {plain['val_loss'][-1]:.3f}")
# --8<-- [end:overfit]
# --8<-- [start:overfit-check]
assert plain["loss"][-1] < 0.1  # the training set is (almost) memorized ...
assert plain["val_loss"][-1] > 1.5 * min(plain["val_loss"])  # ... and val_loss went back up
# --8<-- [end:overfit-check]

# --8<-- [start:capacity]
print("units  train_loss  best_val_loss  last_val_loss")
train_losses, last_val_losses = [], []
for units in (2, 8, 64):
    h = train(build_model(units=units, depth=1), x_train, y_train, epochs=30)
    train_losses.append(h["loss"][-1])
    last_val_losses.append(h["val_loss"][-1])
    print(f"{units:5d}  {h['loss'][-1]:10.3f}  {min(h['val_loss']):13.3f}  "
          f"{h['val_loss'][-1]:13.3f}")
# --8<-- [end:capacity]
# --8<-- [start:capacity-check]
assert train_losses[0] > train_losses[1] > train_losses[2]  # more capacity fits training better
assert h["val_loss"][-1] > min(h["val_loss"])  # the largest one already overfits:
assert last_val_losses[2] == max(last_val_losses)  # the highest last val_loss of the three
assert min(h["val_loss"]) < h["val_loss"][0]  # yet its val_loss fell at first
# --8<-- [end:capacity-check]

# --8<-- [start:regularized]
regularized = train(build_model(dropout=0.5, l2=1e-3), x_train, y_train, epochs=25)
print(f"last train loss: plain {plain['loss'][-1]:.3f}, regularized {regularized['loss'][-1]:.3f}")
print(f"last val_loss:   plain {plain['val_loss'][-1]:.3f}, "
      f"regularized {regularized['val_loss'][-1]:.3f}")
# --8<-- [end:regularized]
# --8<-- [start:regularized-check]
assert regularized["loss"][-1] > plain["loss"][-1]  # it memorizes less ...
assert regularized["val_loss"][-1] < plain["val_loss"][-1]  # ... and generalizes better
# --8<-- [end:regularized-check]

# --8<-- [start:batch-norm]
import tensorflow as tf


def deep_sigmoid_net(batch_norm):
    model = keras.Sequential([keras.Input(shape=(10,))])
    for _ in range(10):
        model.add(keras.layers.Dense(32, activation="sigmoid"))
        if batch_norm:
            model.add(keras.layers.BatchNormalization())
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    return model


loss_fn = keras.losses.BinaryCrossentropy()
first_last = {}  # batch_norm -> gradient norms of the first and the last layer
for batch_norm in (False, True):
    model = deep_sigmoid_net(batch_norm)
    with tf.GradientTape() as tape:
        loss = loss_fn(y_train[:, None], model(x_train, training=True))
    kernels = [w for w in model.trainable_weights if w.path.endswith("kernel")]
    norms = [float(tf.norm(g)) for g in tape.gradient(loss, kernels)]
    first_last[batch_norm] = norms[0], norms[-1]
    print(f"batch_norm={batch_norm}: gradient norm first layer {norms[0]:.1e}, "
          f"last layer {norms[-1]:.1e}")
# --8<-- [end:batch-norm]
# --8<-- [start:batch-norm-check]
assert first_last[False][0] < 1e-5 * first_last[False][1]  # it vanishes on the way back
assert first_last[True][0] > 0.1 * first_last[True][1]  # the gradient reaches the first layer
# --8<-- [end:batch-norm-check]

# --8<-- [start:more-data]
more = train(build_model(), x_more, y_more, epochs=10)
print(f"lowest val_loss: 100 samples {min(plain['val_loss']):.3f}, "
      f"1000 samples {min(more['val_loss']):.3f}")
# --8<-- [end:more-data]
# --8<-- [start:more-data-check]
assert min(more["val_loss"]) < min(plain["val_loss"])
# --8<-- [end:more-data-check]

# --8<-- [start:batch-norm-variants]
renorm = keras.layers.BatchNormalization(renorm=True)  # batch renormalization
self_normalizing = keras.Sequential([
    keras.Input(shape=(10,)),
    keras.layers.Dense(32, activation="selu", kernel_initializer="lecun_normal"),
    keras.layers.AlphaDropout(0.1),
    keras.layers.Dense(1, activation="sigmoid"),
])
print(renorm.renorm, self_normalizing.layers[0].activation.__name__)
# --8<-- [end:batch-norm-variants]
# --8<-- [start:batch-norm-variants-check]
assert renorm.renorm and self_normalizing.layers[0].activation is keras.activations.selu
# --8<-- [end:batch-norm-variants-check]
