# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Start the ngrok API emulator: python3 tests/emulator/serve.py [--host H] [--port P] [--api-key K] [--rate-limit N] [--no-control]

Prints exactly one line when ready: "ngrok API emulator listening on http://HOST:PORT". Stops on SIGTERM/SIGINT.
"""

import argparse
import os
import signal
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ngrok_emulator.server import Emulator, Server  # noqa: E402  pylint: disable=wrong-import-position


def main(argv=None):
    parser = argparse.ArgumentParser(description='Local stand-in for api.ngrok.com (Ngrok-Version 2).')
    parser.add_argument('--host', default='127.0.0.1')
    parser.add_argument('--port', type=int, default=0, help='0 picks a free port')
    parser.add_argument('--api-key', default=None, help='the only API key accepted (default: any non-empty key)')
    parser.add_argument('--rate-limit', type=int, default=None, help='API requests allowed per rolling 60 s')
    parser.add_argument('--no-control', dest='control', action='store_false',
                        help='answer /_emulator/* like api.ngrok.com answers an unknown path (404)')
    parser.add_argument('--verbose', action='store_true', help='log every request on stderr')
    args = parser.parse_args(argv)

    server = Server((args.host, args.port), Emulator(args.api_key, args.rate_limit, control=args.control), verbose=args.verbose)

    def stop(signum, frame):  # pylint: disable=unused-argument
        # shutdown() waits for serve_forever() to return, so it must run in another thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    host, port = server.server_address[:2]
    sys.stdout.write('ngrok API emulator listening on http://%s:%d\n' % (host, port))
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
