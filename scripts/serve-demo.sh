#!/usr/bin/env bash
# The web workspace on the demo database that setup.sh loaded (out/demo/khuyencong.db): adds one
# demo account per role (if missing), prints the address and the sign-ins, and serves in the
# foreground until Ctrl-C.
#   scripts/serve-demo.sh [--port 8080]     serve (default port 8080, on 127.0.0.1 only)
#   scripts/serve-demo.sh --check           start, check /healthz and a demo sign-in, stop
# The demo password is public: use these accounts on the demo data only.
set -euo pipefail
cd "$(dirname "$0")/.."

port=8080
check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --check) check=1; shift ;;
    *) echo "usage: scripts/serve-demo.sh [--port 8080] [--check]" >&2; exit 2 ;;
  esac
done

db=out/demo/khuyencong.db
kc=build/src/khuyencong
[ -f "$db" ] && [ -x "$kc" ] || { echo "Chưa có $db hoặc $kc: hãy chạy ./scripts/setup.sh trước." >&2; exit 2; }

password=demo-khuyencong
# username role extra-arguments… (the same five roles the tests use)
accounts=(
  "quantri quan_tri"
  "socongthuong so_cong_thuong"
  "trungtam trung_tam"
  "diaphuong dia_phuong --unit bg-luc-ngan"
  "coso co_so --co-so cs-0046"
)
existing=$("$kc" --db "$db" user list 2>/dev/null || true)
for line in "${accounts[@]}"; do
  read -r -a a <<<"$line"
  grep -qw -- "${a[0]}" <<<"$existing" && continue
  printf '%s\n' "$password" | "$kc" --db "$db" user add "${a[0]}" --role "${a[1]}" "${a[@]:2}" >/dev/null
done

echo
echo "Tài khoản demo (mật khẩu: $password):"
echo "  quantri (quản trị) · socongthuong (Sở Công Thương) · trungtam (Trung tâm khuyến công)"
echo "  diaphuong (cán bộ huyện Lục Ngạn) · coso (cơ sở cs-0046)"
echo "Khách không đăng nhập xem được thông tin công khai."

if [ "$check" = 0 ]; then
  echo "Mở http://127.0.0.1:$port/ trong trình duyệt."
  exec "$kc" --db "$db" serve --host 127.0.0.1 --port "$port"
fi

# --check: the server starts, its database answers, and a demo account signs in.
log=$(mktemp)
"$kc" --db "$db" serve --host 127.0.0.1 --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
address=""
for _ in $(seq 1 100); do
  address=$(grep -o 'http://127.0.0.1:[0-9]*/' "$log" | head -1 || true)
  [ -n "$address" ] && break
  sleep 0.1
done
[ -n "$address" ] || { cat "$log" >&2; echo "Máy chủ không khởi động được." >&2; exit 1; }
jar=$(mktemp)
curl -fsS "${address}healthz" >/dev/null
csrf=$(curl -fsS -c "$jar" "${address}api/csrf" | sed -n 's/.*"csrf":"\([0-9a-f]*\)".*/\1/p')
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d "{\"ten_dang_nhap\":\"trungtam\",\"mat_khau\":\"$password\"}" "${address}api/dang-nhap")
rm -f "$jar"
[ "$status" = 200 ] || { echo "Đăng nhập demo không thành công (HTTP $status)." >&2; exit 1; }
echo "Đã kiểm tra: máy chủ chạy được tại $address, cơ sở dữ liệu trả lời, tài khoản demo đăng nhập được."
