"""Facts the ensembles page states in prose (docs/training/ensembles.md)."""

import re

from keras_kb.facts import fact, printed

PAGE = "training/ensembles.md"
NAMES = {  # the run's model names, as each language's prose calls them
    "small net": ("작은 Keras 신경망", "small Keras network"),
    "wide net": ("넓은 Keras 신경망", "wide Keras network"),
    "boosted trees": ("그래디언트 부스팅 트리", "gradient-boosted trees"),
}


@fact(
    PAGE,
    ko="훈련 {}개, 앙상블 가중치를 고를 검증 {}개, 확인용 테스트 {}개로",
    en="{} samples to train, {} validation samples to choose the ensemble weights, {} test",
)
def split_sizes():
    shapes = printed(PAGE, r"\((\d+), (\d+)\) \((\d+), \2\) \((\d+), \2\)")
    return shapes[1], shapes[3], shapes[4]


@fact(
    PAGE,
    ko="단일 모델 중에서는 {0}의 검증 손실이 가장 낮습니다",
    en="Of the single models, the lowest validation loss is that of the {1}",
)
def best_single_model():
    table = printed(PAGE, r"(?m)(?:^.+ val loss [\d.]+$\n?){3}")[0]
    losses = {
        name.strip(): float(loss) for name, loss in re.findall(r"(.+?) val loss ([\d.]+)", table)
    }
    return NAMES[min(losses, key=losses.get)]
