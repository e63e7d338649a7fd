print("guanlan")
