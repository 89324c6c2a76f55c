// Version string of the semitco core library.
namespace semitco {
const char* version() { return SEMITCO_VERSION; }
}  // namespace semitco
