// semitco command-line tool (placeholder until the core lands).
int main() { return 0; }
