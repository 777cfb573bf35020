#include "cli.h"

int main(int argc, char** argv) { return reviewlint::cli::Run(argc, argv); }
