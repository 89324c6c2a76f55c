// Open MPI distribution of a batch (built with SEMITCO_WITH_MPI): rank 0 hands out job indices on
// request and writes the merged result; the other ranks run jobs and send rows back as JSON text.
#pragma once

#include <iosfwd>

#include "app/core/batch_rows.hpp"

namespace semitco::core::batch {

/// Runs a plan on this process's threads (the single-process batch).
BatchSummary run_plan_locally(const Plan& plan, const BatchOptions& opt, std::ostream& log);

#ifdef SEMITCO_WITH_MPI
/// True when the process was started by mpirun/mpiexec (Open MPI, PMIx or Hydra environment).
bool launched_by_mpirun();
/// The batch over MPI ranks; with a single rank, the local thread pool.
BatchSummary run_batch_mpi(const BatchOptions& opt, std::ostream& log);
#endif

}  // namespace semitco::core::batch
