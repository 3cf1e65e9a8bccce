"""Departments (责任单位): created on first mention, by the engine or a person."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from luoshi.store.errors import InvalidValueError, NotFoundError
from luoshi.store.models import Department


def get_or_create_department(session: Session, name: str) -> Department:
    name = name.strip()
    if not name:
        raise InvalidValueError("empty department name")
    dept = session.scalar(select(Department).where(Department.name == name))
    if dept is None:
        dept = Department(name=name)
        session.add(dept)
        session.flush()
    return dept


def get_department(session: Session, name: str) -> Department:
    dept = session.scalar(select(Department).where(Department.name == name))
    if dept is None:
        raise NotFoundError(f"no department {name!r}")
    return dept


def list_departments(session: Session) -> list[Department]:
    return list(session.scalars(select(Department).order_by(Department.name)))
