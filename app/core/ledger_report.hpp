// `semitco tco --ledger`: each truck's cost of ownership year by year, line by line, as the cost model books
// it (tco::CostReport::ledger, nominal dollars, year 0 = purchase), with each line's NPV and the discount
// factor of each year, so an analyst can check every figure by hand or against a spreadsheet.
#pragma once

#include <iosfwd>

#include "tco/cost_model.hpp"

namespace semitco::core {

/// One truck's ledger: a row per cost line that is not zero in every year (columns: the years, then the
/// line's NPV), then the nominal total, the discount factor and the discounted total of each year. Cents.
void print_ledger(std::ostream& out, const char* title, const tco::CostReport& report);

/// Both trucks, electric first.
void print_ledgers(std::ostream& out, const tco::Comparison& c);

}  // namespace semitco::core
