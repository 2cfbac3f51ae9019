"""Facts the glossary states in its definitions (docs/appendix/glossary.md)."""

import keras
import numpy as np

from keras_kb.facts import fact

PAGE = "appendix/glossary.md"


@fact(
    PAGE,
    ko="특성의 범위를 맞추기 (평균 {}, 표준편차 {})",
    en="bringing features to a common range (mean {}, std {})",
)
def standardized_mean_and_std():
    data = np.random.default_rng(0).normal(50, 20, size=(1000, 3)).astype("float32")
    layer = keras.layers.Normalization()
    layer.adapt(data)
    out = layer(data).numpy()
    return f"{abs(out.mean(axis=0)).max():.0f}", f"{out.std(axis=0).mean():.0f}"


@fact(
    PAGE,
    ko="전체 데이터 한 바퀴, 한 번에 넣는 샘플 수, {0}",
    en="one pass over the data, samples per update, {1}",
)
def what_an_iteration_is():
    """Keras counts iterations in ``optimizer.iterations``: one per batch, that is per update."""
    x, y = np.zeros((100, 2), "float32"), np.zeros((100, 1), "float32")
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, y, epochs=2, batch_size=25, verbose=0)
    per_update = int(model.optimizer.iterations) == 2 * 100 // 25
    return ("한 번의 갱신", "one update") if per_update else ("한 에포크", "one epoch")
