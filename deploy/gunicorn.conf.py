"""gunicorn settings of sakip-kecamatan (scripts/serve.sh: gunicorn -c deploy/gunicorn.conf.py sakip.wsgi).

Every value can be changed from the environment (README, "Produksi / Production").
"""

import multiprocessing
import os

# nginx proxies to this address; loopback only, so nobody else can fake X-Forwarded-Proto
bind = os.environ.get("SAKIP_BIND", "127.0.0.1:8000")

# The pages are CPU work in Python (building and rendering tables), so processes, not threads, use the
# cores: gunicorn's 2 x cores + 1 keeps every core busy while one worker waits on PostgreSQL.
workers = int(os.environ.get("SAKIP_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
# two threads per worker: a request waiting on the database or a slow upload does not hold the worker
worker_class = "gthread"
threads = int(os.environ.get("SAKIP_THREADS", "2"))

# The slowest in-request work is a single table's PDF or a large Excel import (seconds); whole documents
# render in the background worker. 120 s leaves room on a loaded machine without letting a stuck request
# hold a worker for ever; nginx waits a little longer (deploy/nginx-sakip.conf).
timeout = int(os.environ.get("SAKIP_TIMEOUT", "120"))
graceful_timeout = 30
keepalive = 5

# WeasyPrint and openpyxl grow a worker's memory: recycle workers now and then, not all at once
max_requests = 1000
max_requests_jitter = 100

# load the app once in the master: a settings error (e.g. the secret key) stops the start at once,
# and the workers share the loaded code's memory
preload_app = True
worker_tmp_dir = "/dev/shm"  # the heartbeat file; not on a slow disk

# Logs: the access log on stdout, gunicorn's own on stderr (systemd's journal takes both); the app's
# records are key=value lines on stderr (settings.LOGGING). Same keys here, with the request id
# that nginx sent (or the app made) taken from the response header.
accesslog = os.environ.get("SAKIP_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("SAKIP_GUNICORN_LOG_LEVEL", "info")
access_log_format = ('time="%(t)s" level=INFO logger=gunicorn.access request_id=%({x-request-id}o)s '
                     'remote=%(h)s method=%(m)s path="%(U)s" query="%(q)s" status=%(s)s bytes=%(B)s '
                     'duration_ms=%(M)s agent="%(a)s"')
# behind nginx: client addresses come from X-Forwarded-For of the proxy on this machine
forwarded_allow_ips = os.environ.get("SAKIP_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "sakip"
# gunicorn 27's control socket (gunicornc) is not used; off, so that several servers on one machine
# (two app servers in a test, load.sh beside a running one) do not share its path in $HOME
control_socket_disable = True
