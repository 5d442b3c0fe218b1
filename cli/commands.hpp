#pragma once
// Subcommands of the `chatlens` command. Each returns the process exit status.
#include <string>
#include <vector>

namespace chatlens::cli {

enum ExitCode : int { kOk = 0, kUsage = 2, kInputUnreadable = 3, kOutputError = 4 };

int run_messages(const std::vector<std::string>& args);
int run_analyze(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);             // cli/command_serve.cpp (server/)
int run_export_community(const std::vector<std::string>& args);  // the warehouse feed (server/)
int run_healthcheck(const std::vector<std::string>& args);       // a container's HEALTHCHECK

}  // namespace chatlens::cli
