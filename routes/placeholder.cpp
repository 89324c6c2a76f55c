// placeholder: removed when the first real source of routes/ lands
