# --8<-- [start:choose]
pip install jax                          # each backend is its own package: jax, torch, tensorflow
KERAS_BACKEND=jax python train.py        # this one run uses JAX
export KERAS_BACKEND=torch               # every Python started from this shell uses PyTorch
python train.py
# --8<-- [end:choose]

# --8<-- [start:keras-json]
{
    "floatx": "float32",
    "epsilon": 1e-07,
    "backend": "jax",
    "image_data_format": "channels_last"
}
# --8<-- [end:keras-json]
