-- CreateIndex
CREATE INDEX "Product_category_color_id_idx" ON "Product"("category", "color", "id");

-- CreateIndex
CREATE INDEX "Product_category_priceCents_id_idx" ON "Product"("category", "priceCents", "id");
