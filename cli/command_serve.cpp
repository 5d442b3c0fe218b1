// chatlens serve [--port 8080] [--bind 127.0.0.1] [--db sqlite:PATH | postgresql://...] [--web DIR]
// The web app and the community service in one process (server/).
#include "commands.hpp"
#include "server.hpp"

namespace chatlens::cli {

int run_serve(const std::vector<std::string>& args) { return server::run_server(args); }

}  // namespace chatlens::cli
