"""Prefect flows: wiring of tasks, parameters, task runners and schedules only."""
