// chatlens serve [--port 8080] [--bind 127.0.0.1] [--db sqlite:PATH | postgresql://...] [--web DIR] [limits...]
// The web app and the community service in one process (server/); its options and limits are in
// server/server_config.cpp (`chatlens serve --help`) and docs/limits.md.
#include "commands.hpp"
#include "server.hpp"

namespace chatlens::cli {

int run_serve(const std::vector<std::string>& args) { return server::run_server(args); }

}  // namespace chatlens::cli
