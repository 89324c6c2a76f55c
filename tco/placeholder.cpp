// placeholder: removed when the first real source of tco/ lands
