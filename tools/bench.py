# -*- coding: utf-8 -*-
# Copyright (c) 2026, community.ngrok contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""make bench: requests per task, task cost against a bare uri task, scale to 10,000 objects (backends found by
description, reserved domains by name, cloud endpoints by URL).

Runs real ansible-playbook processes against a fresh emulator; requests are counted in the emulator's
log and task times come from tests/bench/callback_plugins/task_times.py. Prints Markdown tables and
writes them to .cache/bench/results.md. Reports only: nothing here fails on a time.
"""

import glob
import http.client
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from urllib.parse import urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'emulator'))

from ngrok_emulator.testing import RunningEmulator  # noqa: E402  pylint: disable=wrong-import-position

HR = 'community.ngrok.ngrok_http_response_backend'
RD = 'community.ngrok.ngrok_reserved_domain'
CE = 'community.ngrok.ngrok_cloud_endpoint'
DENY = {'on_http_request': [{'actions': [{'type': 'deny', 'config': {'status_code': 404}}]}]}
BACKENDS = ['/backends/%s' % kind for kind in ('http_response', 'tunnel_group', 'weighted', 'failover')]
COST_TASKS = 50


class Bench:
    def __init__(self, collections_path, workdir):
        self.emulator = RunningEmulator()
        self.collections_path = collections_path
        self.workdir = workdir
        parts = urlsplit(self.emulator.url)
        self.http = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)

    def api(self, method, path, body=None):
        headers = {'Authorization': 'Bearer ' + self.emulator.api_key, 'Ngrok-Version': '2'}
        payload = None
        if body is not None:
            payload = json.dumps(body)
            headers['Content-Type'] = 'application/json'
        self.http.request(method, path, body=payload, headers=headers)
        answer = self.http.getresponse()
        content = answer.read()
        return json.loads(content) if content else None

    def play(self, tasks, check=False):
        """Run one playbook of ``tasks``; returns [(name, seconds, requests of that task)]."""
        playbook = os.path.join(self.workdir, 'play.yml')
        with open(playbook, 'w') as handle:
            json.dump([{'name': 'bench', 'hosts': 'localhost', 'gather_facts': False, 'tasks': tasks}], handle)
        times = os.path.join(self.workdir, 'times.json')
        env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=self.collections_path, ANSIBLE_CALLBACKS_ENABLED='task_times',
                   ANSIBLE_CALLBACK_PLUGINS=os.path.join(ROOT, 'tests', 'bench', 'callback_plugins'), BENCH_TIMES=times,
                   BENCH_EMULATOR=self.emulator.url, NGROK_API_URL=self.emulator.url, NGROK_API_KEY=self.emulator.api_key,
                   ANSIBLE_LOCALHOST_WARNING='0', ANSIBLE_INVENTORY_UNPARSED_WARNING='0', ANSIBLE_NOCOLOR='1')
        command = ['ansible-playbook', '-i', 'localhost,', '-c', 'local', '-e', 'ansible_python_interpreter=' + sys.executable, playbook]
        done = subprocess.run(command + (['--check'] if check else []), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True, check=False)
        with open(times) as handle:
            recorded = json.load(handle)
        if done.returncode or any(task['failed'] for task in recorded):
            raise SystemExit('benchmark playbook failed:\n' + done.stdout[-3000:])
        log = self.emulator.requests()
        ends = [task['log'] for task in recorded[1:]] + [len(log)]
        return [(task['name'], task['seconds'], log[task['log']:end]) for task, end in zip(recorded, ends)]

    def seed(self, count, description='seed', first=0):
        for number in range(first, first + count):
            self.api('POST', '/backends/http_response', {'description': '%s %d' % (description, number)})

    def seed_domains(self, count, first=0):
        for number in range(first, first + count):
            self.api('POST', '/reserved_domains', {'domain': 'seed-%d.example.com' % number, 'description': 'seed %d' % number})

    def seed_endpoints(self, count, first=0):
        """Internal cloud endpoints (they need no reserved domain), their policy sent as JSON text."""
        for number in range(first, first + count):
            self.api('POST', '/endpoints', {'type': 'cloud', 'url': 'https://seed-%d.internal' % number, 'description': 'seed %d' % number,
                                            'traffic_policy': json.dumps(DENY)})


def summary(requests):
    reads = sum(1 for r in requests if r['method'] == 'GET')
    connections = len(set(r['connection'] for r in requests))
    writes = len(requests) - reads
    return '%d (%d read%s, %d write%s)%s' % (len(requests), reads, '' if reads == 1 else 's', writes, '' if writes == 1 else 's',
                                             '' if connections <= 1 else ', %d connections' % connections)


def requests_table(bench):
    """Requests of every kind of task, from the emulator's log."""
    rows = []

    def measure(label, module, args, check=False, expected=None, refused=False):
        task = {'name': label, module: args}
        if refused:  # the module is expected to fail (its requests are what is measured)
            task['failed_when'] = False
        name, seconds, requests = bench.play([task], check=check)[0]
        rows.append((label, summary(requests), expected or ''))
        return requests

    bench.emulator.reset()
    bench.seed(150)  # N = 150 HTTP response backends: listing them takes 2 requests
    for kind, args in (('http_response', {'status_code': 200}), ('tunnel_group', {'labels': {'a': 'b'}})):
        module = 'community.ngrok.ngrok_%s_backend' % kind
        measure('%s: create, check mode' % kind, module, dict(args, description='b'), check=True, expected='ceil(N/100) reads')
        measure('%s: create' % kind, module, dict(args, description='b'), expected='reads + 1 write')
        measure('%s: no-op by description' % kind, module, dict(args, description='b'))
        listed = bench.api('GET', '/backends/%s?limit=1' % kind)['backends'][0]['id']
        measure('%s: no-op by id' % kind, module, dict(args, id=listed), expected='1 read')
        measure('%s: update' % kind, module, dict(args, description='b', metadata='m'), expected='reads + 1 write')
        measure('%s: update, check mode' % kind, module, dict(args, description='b', metadata='n'), check=True, expected='reads only')
        measure('%s: delete' % kind, module, {'description': 'b', 'state': 'absent'},
                expected='its listing + 1 listing per type that can use it (weighted, failover, edges) + 1 write')
    bench.api('POST', '/backends/http_response', {'description': 'blue'})
    bench.api('POST', '/backends/http_response', {'description': 'green'})
    for kind, children in (('weighted', {'blue': 1, 'green': 1}), ('failover', ['blue', 'green'])):
        module = 'community.ngrok.ngrok_%s_backend' % kind
        measure('%s: create, children by description' % kind, module, {'description': kind, 'backends': children},
                expected='1 listing per backend type + 1 write')
        measure('%s: no-op, children by description' % kind, module, {'description': kind, 'backends': children},
                expected='1 listing per backend type')
        measure('%s: change only the description (children kept)' % kind, module, {'description': kind, 'metadata': 'x'},
                expected='1 listing + 1 write')
    measure('http_response: delete, in use (refused)', HR, {'description': 'blue', 'state': 'absent'}, refused=True,
            expected='its listing + the users\' listings, 0 writes')
    for kind in ('failover', 'weighted'):
        measure('%s: delete' % kind, 'community.ngrok.ngrok_%s_backend' % kind, {'description': kind, 'state': 'absent'},
                expected='its listing + the other users\' listings + 1 write')
    measure('backend_info: all four types', 'community.ngrok.ngrok_backend_info', {}, expected='1 listing per type and page')
    bench.seed_domains(150)  # listing them would take 2 requests: a lookup by the filter takes 1
    domain = {'domain': 'bench.example.com', 'description': 'bench'}
    measure('reserved_domain: create, check mode', RD, domain, check=True, expected='1 filtered read')
    measure('reserved_domain: create', RD, domain, expected='1 filtered read + 1 write')
    measure('reserved_domain: no-op by domain', RD, domain, expected='1 filtered read')
    measure('reserved_domain: no-op by description', RD, {'description': 'bench'}, expected='1 filtered read')
    listed = bench.api('GET', '/reserved_domains?limit=1')['reserved_domains'][0]['id']
    measure('reserved_domain: no-op by id', RD, {'id': listed}, expected='1 read')
    measure('reserved_domain: update, check mode', RD, dict(domain, certificate_management_policy={'private_key_type': 'rsa'}),
            check=True, expected='1 filtered read')
    measure('reserved_domain: update', RD, dict(domain, certificate_management_policy={'private_key_type': 'rsa'}),
            expected='1 filtered read + 1 write')
    measure('reserved_domain: purge the certificate policy', RD, dict(domain, purge_certificate=True), expected='1 filtered read + 1 DELETE')
    measure('reserved_domain_info: by domain', 'community.ngrok.ngrok_reserved_domain_info', {'domain': 'bench.example.com'},
            expected='1 filtered read')
    bench.seed_endpoints(150)  # listing them would take 2 requests
    public = {'url': 'https://bench.example.com', 'description': 'bench endpoint', 'traffic_policy': DENY}
    as_yaml = 'on_http_request:\n  - actions:\n      - type: deny\n        config: {status_code: 404}\n'
    measure('cloud_endpoint: create, check mode', CE, public, check=True, expected='1 filtered read')
    measure('cloud_endpoint: create', CE, public, expected='1 filtered read + 1 write')
    measure('cloud_endpoint: no-op by URL, the policy as YAML text', CE, dict(public, traffic_policy=as_yaml), expected='1 filtered read')
    measure('cloud_endpoint: no-op by description', CE, {'description': 'bench endpoint'}, expected='1 filtered read')
    listed = bench.api('GET', '/endpoints?limit=1')['endpoints'][0]['id']
    measure('cloud_endpoint: no-op by id', CE, {'id': listed}, expected='1 read')
    changed = dict(public, traffic_policy={'on_http_request': [{'actions': [{'type': 'deny', 'config': {'status_code': 403}}]}]})
    measure('cloud_endpoint: update, check mode', CE, changed, check=True, expected='1 filtered read')
    measure('cloud_endpoint: update', CE, changed, expected='1 filtered read + 1 write')
    measure('cloud_endpoint_info: by URL', 'community.ngrok.ngrok_cloud_endpoint_info', {'url': 'https://bench.example.com'},
            expected='1 filtered read')
    internal = {'url': 'https://bench.internal', 'traffic_policy': DENY}
    measure('cloud_endpoint: create an internal one', CE, internal, expected='1 filtered read + 1 write')
    measure('cloud_endpoint: delete the internal one', CE, dict(internal, state='absent'),
            expected='1 filtered read + endpoints listing + 1 write')
    measure('cloud_endpoint: delete the public one', CE, {'url': 'https://bench.example.com', 'state': 'absent'},
            expected='1 filtered read + 1 write')
    edge = {'description': 'edge', 'hostports': ['bench.example.com:443']}
    measure('https_edge: create', 'community.ngrok.ngrok_https_edge', edge, expected='1 listing + 1 write')
    edge_id = bench.api('GET', '/edges/https')['https_edges'][0]['id']
    measure('https_edge: no-op by id', 'community.ngrok.ngrok_https_edge', {'id': edge_id}, expected='1 read')
    route = {'edge': edge_id, 'match': '/', 'match_type': 'path_prefix', 'compression': {}, 'request_headers': {'add': {'x-a': '1'}}}
    measure('edge_route: create', 'community.ngrok.ngrok_edge_route', route, expected='1 read of the edge + 1 write')
    measure('edge_route: no-op', 'community.ngrok.ngrok_edge_route', route, expected='1 read of the edge')
    measure('edge_route: no-op, edge by description', 'community.ngrok.ngrok_edge_route', dict(route, edge='edge'),
            expected='1 listing of edges')
    measure('edge_route: update', 'community.ngrok.ngrok_edge_route', dict(route, request_headers={'add': {'x-a': '2'}}),
            expected='1 read + 1 write')
    measure('edge_route: check mode update', 'community.ngrok.ngrok_edge_route', dict(route, request_headers={'add': {'x-a': '3'}}),
            check=True, expected='1 read')
    measure('edge_route: purge 2 modules', 'community.ngrok.ngrok_edge_route', {'edge': edge_id, 'match': '/', 'purge_modules': True},
            expected='1 read + 1 DELETE per module')
    measure('edge_route: backend by description', 'community.ngrok.ngrok_edge_route',
            {'edge': edge_id, 'match': '/', 'backend': {'backend': 'blue'}}, expected='+1 listing per backend type')
    measure('reserved_domain: delete, used by an edge (refused)', RD, {'domain': 'bench.example.com', 'state': 'absent'},
            refused=True, expected='1 filtered read + edges and endpoints listings')
    bench.api('DELETE', '/edges/https/' + edge_id)
    measure('reserved_domain: delete', RD, {'domain': 'bench.example.com', 'state': 'absent'},
            expected='1 filtered read + edges and endpoints listings + 1 write')
    return rows


def cost_table(bench):
    """Median wall time of a no-op module task and of a uri GET task, interleaved in one playbook."""
    bench.emulator.reset()
    backend = bench.api('POST', '/backends/http_response', {'description': 'cost', 'status_code': 200})['id']
    uri = {'ansible.builtin.uri': {'url': '%s/backends/http_response/%s' % (bench.emulator.url, backend),
                                   'headers': {'Authorization': 'Bearer ' + bench.emulator.api_key, 'Ngrok-Version': '2'}},
           'no_log': True}
    module = {HR: {'id': backend, 'status_code': 200}}
    tasks = []
    for number in range(COST_TASKS):
        tasks.append(dict(uri, name='uri %d' % number))
        tasks.append(dict(module, name='module %d' % number))
    results = bench.play(tasks)
    uri_times = [seconds for name, seconds, dummy in results if name.startswith('uri')]
    module_times = [seconds for name, seconds, dummy in results if name.startswith('module')]
    uri_median, module_median = statistics.median(uri_times), statistics.median(module_times)
    module_requests = set(len(requests) for name, dummy, requests in results if name.startswith('module'))
    return uri_median, module_median, module_requests


def scale_table(bench, seed, task):
    """One no-op ``task`` after ``seed(count, first=...)`` has made 1, 100, 1,000 and 10,000 objects: its requests,
    the pages a listing without a filter would read, and its wall time."""
    rows = []
    bench.emulator.reset()
    existing = 0
    for total in (1, 100, 1000, 10000):
        seed(total - existing, first=existing)
        existing = total
        name, seconds, requests = bench.play([dict(task, name='find')])[0]
        rows.append((total, len(requests), math.ceil(total / 100.0), seconds))
    return rows


def payload_and_imports(bench):
    """AnsiballZ payload size of a module, and the import time of what it loads."""
    keep = tempfile.mkdtemp(prefix='bench-tmp-')
    env = dict(os.environ, ANSIBLE_KEEP_REMOTE_FILES='1', ANSIBLE_REMOTE_TMP=keep, ANSIBLE_COLLECTIONS_PATH=bench.collections_path,
               NGROK_API_URL=bench.emulator.url, NGROK_API_KEY=bench.emulator.api_key)
    subprocess.run(['ansible', 'localhost', '-c', 'local', '-e', 'ansible_python_interpreter=' + sys.executable, '-m', HR,
                    '-a', 'description=payload'], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    payloads = glob.glob(os.path.join(keep, '*', 'AnsiballZ_ngrok_http_response_backend.py'))
    size = os.path.getsize(payloads[0]) if payloads else None
    code = ('import time; started = time.perf_counter(); import %s; print(time.perf_counter() - started)')
    imports = {}
    for name in ('ansible.module_utils.basic', 'requests'):
        samples = [float(subprocess.run([sys.executable, '-c', code % name], stdout=subprocess.PIPE, universal_newlines=True,
                                        check=True).stdout) for dummy in range(5)]
        imports[name] = statistics.median(samples)
    return size, imports


def main():
    workdir = tempfile.mkdtemp(prefix='ngrok-bench-')
    bench = Bench(sys.argv[1], workdir)
    lines = []
    try:
        ansible = subprocess.run(['ansible', '--version'], stdout=subprocess.PIPE, universal_newlines=True, check=True)
        machine = (platform.machine(), os.cpu_count(), platform.python_version(), ansible.stdout.splitlines()[0])
        lines.append('Machine: %s, %d cores, Python %s, %s' % machine)
        lines += ['', '### Requests per task (from the emulator\'s log; all of a task on one connection)', '',
                  '150 HTTP response backends exist, so listing them takes 2 pages (N = 150, ceil(N/100) = 2);',
                  'the other types fit in one page.', '',
                  '| Task | Requests | Lower bound |', '| --- | --- | --- |']
        lines += ['| %s | %s | %s |' % row for row in requests_table(bench)]
        uri_median, module_median, module_requests = cost_table(bench)
        lines += ['', '### Task cost: no-op module task vs ansible.builtin.uri GET (%d each, interleaved, one run)' % COST_TASKS, '',
                  '| Task | Median wall time |', '| --- | --- |',
                  '| ansible.builtin.uri GET of one backend | %.3f s |' % uri_median,
                  '| ngrok_http_response_backend no-op by id (%s request) | %.3f s |' % ('/'.join(map(str, sorted(module_requests))), module_median),
                  '| ratio | %.2f |' % (module_median / uri_median)]
        size, imports = payload_and_imports(bench)
        lines += ['', 'AnsiballZ payload of ngrok_http_response_backend: %s bytes; import time: %s' % (
            size, ', '.join('%s %.0f ms' % (name, seconds * 1000) for name, seconds in sorted(imports.items())))]
        lines += ['', '### Scale: no-op found by description among N HTTP response backends', '',
                  '| N | Requests | ceil(N/100) | Task wall time |', '| --- | --- | --- | --- |']
        lines += ['| %d | %d | %d | %.2f s |' % row for row in scale_table(
            bench, lambda count, first: bench.seed(count, description='scale', first=first), {HR: {'description': 'scale 0'}})]
        lines += ['', '### Scale: no-op found by domain among N reserved domains (the list\'s `filter` query)', '',
                  '| N | Requests | ceil(N/100) without the filter | Task wall time |', '| --- | --- | --- | --- |']
        lines += ['| %d | %d | %d | %.2f s |' % row for row in scale_table(bench, bench.seed_domains, {RD: {'domain': 'seed-0.example.com'}})]
        lines += ['', '### Scale: no-op found by URL among N cloud endpoints (the list\'s `filter` query)', '',
                  '| N | Requests | ceil(N/100) without the filter | Task wall time |', '| --- | --- | --- | --- |']
        lines += ['| %d | %d | %d | %.2f s |' % row for row in scale_table(
            bench, bench.seed_endpoints, {CE: {'url': 'https://seed-0.internal', 'traffic_policy': DENY}})]
    finally:
        bench.emulator.stop()
    text = '\n'.join(lines) + '\n'
    out = os.path.join(ROOT, '.cache', 'bench')
    if not os.path.isdir(out):
        os.makedirs(out)
    with open(os.path.join(out, 'results.md'), 'w') as handle:
        handle.write(text)
    print(text)


if __name__ == '__main__':
    main()
