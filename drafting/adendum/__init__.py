"""The adendum: an amendment of a signed agreement, computed from its input and the changed input
(``versions``: the amendment numbering; ``points``: what Pasal I says; ``naskah``: the adendum's
document; ``consolidated``: the agreement with its adenda applied)."""
