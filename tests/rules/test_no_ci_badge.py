"""no-ci-badge's literal pre-test (``_CI_HINTS``) equals its CI-URL pattern."""

from __future__ import annotations

import re

import pytest

from awesomelint.rules.no_ci_badge import _CI_HINTS, _ci_url, is_ci_url

# a URL each alternative of the pattern matches (the shields.io ones share one hint)
CI_URLS = [
    "https://travis-ci.org/o/r.svg?branch=master",
    "https://TRAVIS-CI.com/o/r.svg",
    "https://api.travis-ci.com/o/r.svg",
    "https://circleci.com/gh/o/r.svg?style=svg",
    "https://ci.appveyor.com/api/projects/status/abc?svg=true",
    "https://github.com/o/r/workflows/CI/badge.svg",
    "https://github.com/o/r/actions/workflows/ci.yml/badge.svg?branch=main",
    "https://gitlab.com/o/r/badges/master/pipeline.svg",
    "https://dev.azure.com/o/p/_apis/build/status/r?branchName=master",
    "https://o.visualstudio.com/p/_apis/build/status/r",
    "https://badge.buildkite.com/abc.svg",
    "https://jenkins.example.org/buildStatus/icon?job=r",
    "https://semaphoreci.com/api/v1/o/r/branches/master/badge.svg",
    "https://api.cirrus-ci.com/github/o/r.svg",
    "https://builds.sr.ht/~o/r.svg",
    "https://app.bitrise.io/app/abc/status.svg?token=x",
    "https://codeship.com/projects/abc/status?branch=master",
    "https://cloud.drone.io/api/badges/o/r/status.svg",
    "https://drone.example.org/api/badges/o/r/status.svg",
    "https://app.wercker.com/status/abc/s",
    "https://img.shields.io/github/actions/workflow/status/o/r/ci.yml",
    "https://img.shields.io/github/workflow/status/o/r/CI",
    "https://img.shields.io/github/checks-status/o/r/main",
    "https://img.shields.io/github/check-runs/o/r/main",
    "https://img.shields.io/github/checks/o/r",
    "https://img.shields.io/github/status/contexts/pulls/o/r/1",
    "https://img.shields.io/travis/o/r.svg",
    "https://img.shields.io/circleci/build/gh/o/r",
    "https://img.shields.io/appveyor/build/o/r",
    "https://img.shields.io/azure-devops/build/o/p/1",
    "https://img.shields.io/azure-pipelines/o/p/1",
    "https://img.shields.io/gitlab/pipeline/o/r",
    "https://img.shields.io/drone/build/o/r",
    "https://img.shields.io/jenkins/build/https/ci.example.org/job",
    "https://img.shields.io/buildkite/abc",
    "https://img.shields.io/bitbucket/pipelines/o/r",
    "https://img.shields.io/codeship/abc",
    "https://img.shields.io/cirrus/github/o/r",
    "https://img.shields.io/teamcity/build/s/x",
    "https://img.shields.io/scrutinizer/build/g/o/r",
    "https://img.shields.io/semaphoreci/o/r",
    "https://img.shields.io/wercker/ci/abc",
    "https://badgen.net/travis/o/r",
]
OTHER_URLS = [
    "https://img.shields.io/badge/license-MIT-blue.svg",
    "https://awesome.re/badge.svg",
    "https://github.com/o/r/raw/main/logo.png",
    "https://example.org/travis.png",
    "logo.svg",
    "",
]


@pytest.mark.parametrize("url", CI_URLS)
def test_each_alternative_has_a_hint(url: str) -> None:
    assert _ci_url().search(url)
    assert any(hint in url.lower() for hint in _CI_HINTS)
    assert is_ci_url(url)


def test_every_alternative_is_covered() -> None:
    # each top-level alternative of the pattern (and each shields.io service) matches
    # some URL of CI_URLS alone: a new alternative needs its URL (and maybe a hint)
    source = _ci_url().pattern.split(")", 1)[1]  # after the (?ix) flags
    depth, parts, current = 0, [], ""
    for c in source:
        depth += c == "(" and not current.endswith("\\")
        depth -= c == ")" and not current.endswith("\\")
        if c == "|" and depth == 0 and not current.endswith("\\"):
            parts.append(current)
            current = ""
        else:
            current += c
    parts.append(current)
    assert len(parts) >= 17
    for part in parts:
        alt = re.compile(part, re.I | re.X)
        assert any(alt.search(url) for url in CI_URLS), part


@pytest.mark.parametrize(
    "url", CI_URLS + OTHER_URLS + ["https://ſemaphoreci.com/x/badge", "https://travıs-ci.org/x"]
)
def test_equal_to_the_pattern(url: str) -> None:
    # (non-ASCII URLs skip the pre-test: re.I folds "ſ" to "s", "ı" to "i")
    assert is_ci_url(url) == bool(_ci_url().search(url))
