"""no-ci-badge's CI-URL test (``is_ci_url``: a pattern per service, tried only when its
literal is in the URL) equals the one alternation it replaced."""

from __future__ import annotations

import re

import pytest

from awesomelint.rules.no_ci_badge import _CI_SERVICES, _ci_pattern, is_ci_url

# the pattern no-ci-badge searched before (one alternation of every service)
WHOLE = re.compile(
    r"""(?ix)
      travis-ci\.(?:org|com)/ | api\.travis-ci\.
    | circleci\.com/
    | ci\.appveyor\.com/api/projects/status
    | github\.com/[^/\s]+/[^/\s]+/(?:actions/)?workflows/[^?#\s]+/badge\.svg
    | /badges/[^/\s]+/pipeline\.svg
    | (?:dev\.azure\.com|visualstudio\.com)/\S*/_apis/build/status
    | badge\.buildkite\.com/
    | /buildStatus/icon
    | semaphoreci\.com/\S*badge
    | api\.cirrus-ci\.com/github/
    | builds\.sr\.ht/\S*\.svg
    | app\.bitrise\.io/app/\S*/status\.svg
    | codeship\.com/projects/\S*/status
    | cloud\.drone\.io/ | /api/badges/\S*/status\.svg
    | app\.wercker\.com/status
    | (?:img\.shields\.io|badgen\.net)/(?:
          github/actions/workflow/status | github/workflow/status | github/checks-status
        | github/check-runs | github/checks | github/status
        | travis | circleci | appveyor/(?:build|ci|tests|job)
        | azure-devops/(?:build|tests) | azure-pipelines | gitlab/pipeline
        | drone/build | jenkins/(?:build|s|tests|t)\b | buildkite | bitbucket/pipelines
        | codeship | cirrus | teamcity | scrutinizer/build | semaphoreci | wercker )
    """
)

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


NON_ASCII = [
    "https://ſemaphoreci.com/x/badge",
    "https://travıs-ci.org/x",
    "https://K.org/circleci.com/",
]


@pytest.mark.parametrize("url", CI_URLS)
def test_a_ci_url(url: str) -> None:
    assert WHOLE.search(url)
    assert is_ci_url(url)
    # (the same URL in capitals: the literals are tested on the lowercased URL)
    assert is_ci_url(url.upper()) == bool(WHOLE.search(url.upper()))


def test_every_service_matches_and_its_literal_is_there() -> None:
    for k, (literals, _) in enumerate(_CI_SERVICES):
        matched = [url for url in CI_URLS if _ci_pattern(k).search(url)]
        assert matched, _CI_SERVICES[k]
        for url in matched + [u.upper() for u in matched]:
            assert any(lit in url.lower() for lit in literals), (url, literals)


@pytest.mark.parametrize("url", CI_URLS + OTHER_URLS + NON_ASCII)
def test_equal_to_the_whole_pattern(url: str) -> None:
    # (a non-ASCII URL tries every pattern: re.I folds "ſ" to "s", "ı" to "i")
    assert is_ci_url(url) == bool(WHOLE.search(url))
