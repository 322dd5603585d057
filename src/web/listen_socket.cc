// See listen_socket.h.
#include "web/listen_socket.h"

#include <sys/socket.h>

namespace kc::web {

void remember_listen_socket(httplib::Server& server, socket_t* socket_out) {
  *socket_out = INVALID_SOCKET;
  // httplib calls this for each address it tries; the last one is the socket that got bound.
  server.set_socket_options([socket_out](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    *socket_out = sock;
  });
}

bool widen_listen_backlog(socket_t sock) { return sock != INVALID_SOCKET && ::listen(sock, kListenBacklog) == 0; }

}  // namespace kc::web
