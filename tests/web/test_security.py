from luoshi.web.security import LoginThrottle


def test_security_throttle_blocks_after_repeated_failures_and_resets_on_success():
    throttle = LoginThrottle(attempts=3, window=60)
    for _ in range(3):
        assert not throttle.blocked("Sup", "1.2.3.4")
        throttle.fail("Sup", "1.2.3.4")
    assert throttle.blocked("sup", "1.2.3.4")
    assert not throttle.blocked("sup", "5.6.7.8")
    throttle.succeed("sup", "1.2.3.4")
    assert not throttle.blocked("sup", "1.2.3.4")


def test_security_throttle_forgets_old_failures():
    throttle = LoginThrottle(attempts=1, window=0.0)
    throttle.fail("a", "c")
    assert not throttle.blocked("a", "c")
