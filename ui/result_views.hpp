// The result views beside the editor, one per file (the verdict strip is in verdict_strip.hpp): where the
// energy went, the cost breakdown, the uncertainty view and the side-by-side comparison of all open
// scenarios. This header gathers them for the code that shows them all.
#pragma once

#include "ui/compare_view.hpp"
#include "ui/cost_view.hpp"
#include "ui/energy_view.hpp"
#include "ui/input_names.hpp"
#include "ui/named_plots.hpp"
#include "ui/uncertainty_view.hpp"
#include "ui/verdict_strip.hpp"
