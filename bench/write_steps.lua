-- wrk script of bench/write_read_benchmark.sh: one user's progress reports ("báo cáo tiến độ")
-- on the projects listed in $KC_PROJECTS, in turn, one every $KC_DELAY_MS per connection.
local projects = {}
for line in io.lines(os.getenv("KC_PROJECTS")) do projects[#projects + 1] = line end
local n = 0
local pause = tonumber(os.getenv("KC_DELAY_MS"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-CSRF-Token"] = os.getenv("KC_CSRF")
wrk.headers["Cookie"] = "kc_session=" .. os.getenv("KC_SESSION")
wrk.body = '{"den_trang_thai":"dang_thuc_hien","so_quyet_dinh":"BENCH","ghi_chu":"do hieu nang"}'

request = function()
  n = n + 1
  return wrk.format(nil, "/api/de-an/" .. projects[(n % #projects) + 1] .. "/buoc")
end

delay = function() return pause end
