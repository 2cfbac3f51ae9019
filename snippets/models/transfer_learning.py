# --8<-- [start:load-base]
import keras
import numpy as np

WEIGHTS = None  # use "imagenet" for the pretrained weights (downloaded once)

keras.utils.set_random_seed(0)  # the same random weights and shuffles on every run
base = keras.applications.MobileNetV2(
    input_shape=(96, 96, 3), alpha=0.35, include_top=False, weights=WEIGHTS)
with_top = keras.applications.MobileNetV2(
    input_shape=(96, 96, 3), alpha=0.35, include_top=True, weights=WEIGHTS)

print(base.name, "|", len(base.layers), "layers")
print("include_top=False:", tuple(base.output.shape), f"{base.count_params():,} parameters")
print("include_top=True: ", tuple(with_top.output.shape), f"{with_top.count_params():,} parameters")
top = with_top.layers[len(base.layers):]  # the layers include_top=False leaves out
print("the top:", [f"{layer.name} ({type(layer).__name__})" for layer in top])
# --8<-- [end:load-base]
# --8<-- [start:load-base-check]
assert tuple(base.output.shape) == (None, 3, 3, 1280)
assert tuple(with_top.output.shape) == (None, 1000)
assert [type(layer) for layer in top] == [keras.layers.GlobalAveragePooling2D, keras.layers.Dense]
assert with_top.count_params() - base.count_params() == 1280 * 1000 + 1000  # the Dense(1000)
assert [layer.name for layer in with_top.layers[1 : len(base.layers)]] == [
    layer.name for layer in base.layers[1:]]  # the same layers below the top (inputs aside)
# --8<-- [end:load-base-check]

# --8<-- [start:preprocess]
from keras.applications import mobilenet_v2, resnet50

pixels = np.array([[0.0, 127.5, 255.0]], dtype="float32")  # one pixel: R, G, B
print("mobilenet_v2:", mobilenet_v2.preprocess_input(pixels.copy()))  # [0, 255] -> [-1, 1]
print("resnet50:    ", resnet50.preprocess_input(pixels.copy()).round(2))  # BGR, mean removed

mobilenet_v2.preprocess_input(pixels)  # a float32 NumPy array is changed in place
print("pixels after the call:", pixels)
# --8<-- [end:preprocess]
# --8<-- [start:preprocess-check]
assert np.array_equal(mobilenet_v2.preprocess_input(np.array([[0.0, 127.5, 255.0]], "float32")),
                      [[-1.0, 0.0, 1.0]])
assert np.allclose(resnet50.preprocess_input(np.array([[0.0, 127.5, 255.0]], "float32")),
                   [[255 - 103.939, 127.5 - 116.779, 0 - 123.68]])  # B, G, R minus their means
assert np.array_equal(pixels, [[-1.0, 0.0, 1.0]])
# --8<-- [end:preprocess-check]

# --8<-- [start:new-head]
rng = np.random.default_rng(0)
images = rng.uniform(0, 255, size=(32, 96, 96, 3)).astype("float32")  # raw pixels
labels = rng.integers(0, 2, size=32)  # random labels: this data shows the mechanics only

base.trainable = False  # freeze the whole base

inputs = keras.Input(shape=(96, 96, 3))
x = mobilenet_v2.preprocess_input(inputs)  # inside the model: it takes raw pixels
x = base(x, training=False)  # ask for inference mode (see "Batch normalization" below)
x = keras.layers.GlobalAveragePooling2D()(x)
x = keras.layers.Dropout(0.2)(x)
outputs = keras.layers.Dense(1, activation="sigmoid")(x)  # the new head: 2 classes
model = keras.Model(inputs, outputs)
model.summary(show_trainable=True)
# --8<-- [end:new-head]
# --8<-- [start:new-head-check]
assert [w.path for w in model.trainable_weights] == ["dense/kernel", "dense/bias"]
assert sum(int(np.prod(w.shape)) for w in model.trainable_weights) == 1280 + 1
# --8<-- [end:new-head-check]

# --8<-- [start:train-head]
base_before = base.get_weights()
head = model.layers[-1]
head_before = head.get_weights()

model.compile(optimizer="adam", loss="binary_crossentropy")
history = model.fit(images, labels, epochs=1, batch_size=16, verbose=0)
print("loss after one epoch:", round(history.history["loss"][0], 3),
      "| ln 2 =", round(float(np.log(2)), 3))
print("base unchanged:", all(np.array_equal(a, b)
                             for a, b in zip(base_before, base.get_weights(), strict=True)))
print("head changed:", any(not np.array_equal(a, b)
                           for a, b in zip(head_before, head.get_weights(), strict=True)))
# --8<-- [end:train-head]
# --8<-- [start:train-head-check]
assert all(np.array_equal(a, b) for a, b in zip(base_before, base.get_weights(), strict=True))
assert not np.array_equal(head_before[1], head.get_weights()[1])  # the bias moved
assert abs(history.history["loss"][0] - np.log(2)) < 0.01  # random labels: chance level
# --8<-- [end:train-head-check]

# --8<-- [start:fine-tune]
base.trainable = True
first = [layer.name for layer in base.layers].index("block_16_expand")
for layer in base.layers[:first]:
    layer.trainable = False  # the lower blocks stay frozen
for layer in base.layers:
    if isinstance(layer, keras.layers.BatchNormalization):
        layer.trainable = False  # every BatchNormalization layer too (see below)
print("trainable:", [w.path for w in model.trainable_weights])

model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-5),  # recompile, small rate
              loss="binary_crossentropy")
before = {layer.name: layer.get_weights() for layer in base.layers}
model.fit(images, labels, epochs=1, batch_size=16, verbose=0)


def changed(layer):
    return any(not np.array_equal(a, b)
               for a, b in zip(before[layer.name], layer.get_weights(), strict=True))


for name in ("block_15_project", "block_16_project", "Conv_1", "Conv_1_bn"):
    print(f"{name:17} changed: {changed(base.get_layer(name))}")
bn_layers = [layer for layer in base.layers if isinstance(layer, keras.layers.BatchNormalization)]
print("BatchNormalization layers changed:", sum(map(changed, bn_layers)), "of", len(bn_layers))
# --8<-- [end:fine-tune]
# --8<-- [start:fine-tune-check]
assert {layer.name for layer in base.layers if changed(layer)} == {
    "block_16_expand", "block_16_depthwise", "block_16_project", "Conv_1"}
assert len(model.trainable_weights) == 4 + 2  # four conv kernels (no biases) + the head
# --8<-- [end:fine-tune-check]

# --8<-- [start:bn-frozen]
batch = rng.normal(5.0, 2.0, size=(32, 4)).astype("float32")  # mean 5, standard deviation 2
print(f"batch mean {batch.mean():.2f}")
for trainable in (True, False):
    bn = keras.layers.BatchNormalization()
    bn.trainable = trainable
    out = keras.ops.convert_to_numpy(bn(batch, training=True))  # what fit() passes
    inference = np.allclose(out, keras.ops.convert_to_numpy(bn(batch, training=False)))
    mean = round(float(out.mean()), 2) + 0.0  # + 0.0: no "-0.00"
    print(f"trainable={trainable!s:5}: output mean {mean:.2f}, "
          f"moving mean {float(keras.ops.mean(bn.moving_mean)):.2f}, "
          f"same as inference mode: {inference}")
# --8<-- [end:bn-frozen]
# --8<-- [start:bn-frozen-check]
assert inference  # the frozen layer ran in inference mode under training=True
assert np.array_equal(bn.moving_mean, np.zeros(4)) and np.array_equal(bn.moving_variance,
                                                                      np.ones(4))
# --8<-- [end:bn-frozen-check]

# --8<-- [start:bn-training-false]
for layer in base.layers[first:]:
    layer.trainable = True  # the top block, its BatchNormalization layers included
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-5),
              loss="binary_crossentropy")
before = {layer.name: layer.get_weights() for layer in base.layers}
model.fit(images, labels, epochs=1, batch_size=16, verbose=0)

unfrozen = [layer for layer in bn_layers if layer.trainable]
frozen = [layer for layer in bn_layers if not layer.trainable]
print("unfrozen BatchNormalization layers changed:", sum(map(changed, unfrozen)), "of",
      len(unfrozen))
print("frozen BatchNormalization layers changed:  ", sum(map(changed, frozen)), "of", len(frozen))
# --8<-- [end:bn-training-false]
# --8<-- [start:bn-training-false-check]
# Keras 3.15.1: fit()'s training=True overrides the training=False given when the model was
# built (keras-team/keras#20285); a Keras that lets the construction value win fails here.
assert [layer.name for layer in unfrozen] == [
    "block_16_expand_BN", "block_16_depthwise_BN", "block_16_project_BN", "Conv_1_bn"]
assert all(not np.array_equal(before[layer.name][2], layer.moving_mean) for layer in unfrozen)
assert all(not np.array_equal(before[layer.name][3], layer.moving_variance) for layer in unfrozen)
assert not any(map(changed, frozen))
# --8<-- [end:bn-training-false-check]
