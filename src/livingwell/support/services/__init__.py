"""Changes to support: episodes and their history, contacts and next steps, the person's plan, outcome
measures. Each is atomic and audited.

One module for each part (episodes, plans, measures); this package is the way in (``services.goal_add``).
"""

from livingwell.support.services.episodes import (
    STATUS_CHANGES,
    EpisodeChangeRefused,
    action_add,
    action_done,
    contact_log_record,
    episode_hand_over,
    episode_open,
    episode_status_change,
    guide_profile_save,
)
from livingwell.support.services.measures import measurement_record
from livingwell.support.services.plans import (
    FROM_INTRODUCTION,
    GOAL_ACHIEVED,
    connection_add,
    connection_sharing_set,
    goal_add,
    goal_review,
    own_plan_connection_add,
    plan_about_me_from_introduction,
    plan_about_me_update,
    plan_agree,
    plan_comment_add,
    plan_get_or_create,
)

__all__ = [
    "FROM_INTRODUCTION",
    "GOAL_ACHIEVED",
    "STATUS_CHANGES",
    "EpisodeChangeRefused",
    "action_add",
    "action_done",
    "connection_add",
    "connection_sharing_set",
    "contact_log_record",
    "episode_hand_over",
    "episode_open",
    "episode_status_change",
    "goal_add",
    "goal_review",
    "guide_profile_save",
    "measurement_record",
    "own_plan_connection_add",
    "plan_about_me_from_introduction",
    "plan_about_me_update",
    "plan_agree",
    "plan_comment_add",
    "plan_get_or_create",
]
