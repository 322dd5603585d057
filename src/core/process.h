// Running an external program (pg_dump, pg_restore) without a shell: arguments are passed as
// they are, so nothing in them is interpreted.
#pragma once

#include <string>
#include <vector>

namespace kc {

struct ProcessResult {
  int exit_code = -1;  // -1 when the program could not be started or was killed
  std::string output;  // stdout and stderr together
};

// Runs argv[0] (looked up on PATH) with the given arguments and waits for it.
ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace kc
