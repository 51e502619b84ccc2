"""Stage: actors (knowledge base + resolver)."""

from .kb import ActorEntry, AgentEntry, KnowledgeBase, load_knowledge_base
from .resolve import ActorResolver, Mentions

__all__ = ["ActorEntry", "AgentEntry", "ActorResolver", "KnowledgeBase", "Mentions", "load_knowledge_base"]
