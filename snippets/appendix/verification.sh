./dev serve   # preview the site at http://127.0.0.1:8000/
./dev test    # run every example and every site check
