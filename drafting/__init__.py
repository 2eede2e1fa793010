"""drafting: structured input to a numbered Indonesian naskah kerja sama (PKS or Nota Kesepahaman)."""
