# --8<-- [start:venv]
python3 -m venv .venv             # a virtual environment in the folder .venv
source .venv/bin/activate         # Windows: .venv\Scripts\activate
python -m pip install --upgrade pip
pip install tensorflow            # CPU build; pulls in Keras 3
# --8<-- [end:venv]

# --8<-- [start:gpu]
pip install "tensorflow[and-cuda]"  # Linux + NVIDIA driver: the CUDA and cuDNN wheels too
# --8<-- [end:gpu]

# --8<-- [start:conda]
conda create -n keras python=3.11   # conda only provides the Python
conda activate keras
pip install tensorflow               # TensorFlow itself comes from pip
pip uninstall tensorflow             # to remove it again
# --8<-- [end:conda]

# --8<-- [start:dev]
git clone <this repository> keras-kb && cd keras-kb
./dev test                        # first run: creates .venv, pip install -e ".[test]", runs the suite
./dev test docs/training          # only one section's examples
./dev serve                       # the site at http://127.0.0.1:8000/
KB_GPU=1 ./dev test               # adds tensorflow[and-cuda]; fails if no GPU is visible
# --8<-- [end:dev]
