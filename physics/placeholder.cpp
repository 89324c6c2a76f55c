// placeholder: removed when the first real source of physics/ lands
