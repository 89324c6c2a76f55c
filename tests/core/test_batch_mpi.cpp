// semitco batch under Open MPI (only in builds with SEMITCO_WITH_MPI): `mpirun -np 2` gives the same
// rows, byte for byte, as the single-process run.
#include <catch2/catch.hpp>

#if defined(SEMITCO_WITH_MPI) && defined(SEMITCO_MPIEXEC)

#include <string>

#include "test_batch_util.hpp"

using batch_test::bin;
using batch_test::read_text;
using batch_test::run;

TEST_CASE("batch under mpirun with 2 ranks gives the same rows as one process", "[batch][mpi]") {
  if (bin().empty()) return;
  batch_test::TempDir tmp("mpi");
  { std::ofstream(tmp.path / "broken.vdri") << "<s>,<v>,<grad>,<stop>\n0,80,0,0\n100,eighty,0,0\n"; }
  const std::string cycles = SEMITCO_CYCLES_DIR;
  const std::string args = " batch " + cycles + "/EPA_Ph2_transient.csv " + cycles + "/Construction.vdri " +
                           cycles + "/EPA_Ph2_urban_highway_55mph.csv broken.vdri"
                           " --sweep diesel_price_usd_per_gal=3:5:0.5 --progress off --out ";
  const auto single = run(bin() + args + "single.csv", tmp.path);
  CHECK(single.exit_code == 1);
  const auto mpi = run(std::string(SEMITCO_MPIEXEC) + " --oversubscribe --allow-run-as-root -np 2 " + bin() + args +
                           "mpi.csv",
                       tmp.path);
  CHECK(mpi.exit_code == 1);  // rank 0 reports the failed rows of broken.vdri
  CHECK_THAT(mpi.err, Catch::Contains("MPI: 1 worker ranks"));
  const std::string a = read_text(tmp.path / "single.csv");
  CHECK(a.size() > 1000);
  CHECK(a == read_text(tmp.path / "mpi.csv"));
}

#endif
