// The listening socket's options and queue. cpp-httplib (Debian's compiled 0.11.4) listens with
// a queue of 5 pending connections: when more clients connect at once than the accept thread
// takes in time (a browser opens six, a load balancer many, keep-alive limits recycle them
// together), the kernel drops the handshake's last packet and the client's first request waits
// for TCP's retransmission — 200 ms, then 400, 800 … (measured: 64 dropped handshakes in 20 s of
// wrk at 32 connections, p99 up to 600 ms). We widen the queue once the port is bound.
#pragma once

#include <httplib.h>

namespace kc::web {

// Pending connections the kernel may hold for the accept thread (capped by net.core.somaxconn).
inline constexpr int kListenBacklog = 1024;

// Installs socket options on `server` that remember the listening socket in `*socket_out`:
// SO_REUSEADDR (a restarted server binds at once) but not httplib's default SO_REUSEPORT, which
// lets a second server on the same port silently take half of the connections.
void remember_listen_socket(httplib::Server& server, socket_t* socket_out);

// After a successful bind: asks the kernel for a queue of kListenBacklog on `sock` (listen() on
// a listening socket only changes its queue). False if the kernel refused.
bool widen_listen_backlog(socket_t sock);

}  // namespace kc::web
