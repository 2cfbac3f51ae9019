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
