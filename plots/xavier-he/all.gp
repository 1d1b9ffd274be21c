# All eight (mean over 3 seeds): training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot all.gp` in this folder (reads all.dat).
reset
set terminal pngcairo size 960,600 noenhanced font "sans,11"
set output "all.png"
set title "All eight (mean over 3 seeds)"
set xlabel "Batches"
set ylabel "Loss"
set grid
set key top right
set datafile missing "?"
set xrange [1:100]
plot "all.dat" using 1:2 with lines linewidth 2 title "PyTorch default (val. acc. 86.10% ± 0.40)", \
     "" using 1:3 with lines linewidth 2 title "Keras default (Glorot uniform) (val. acc. 86.40% ± 0.30)", \
     "" using 1:4 with lines linewidth 2 title "Xavier uniform (val. acc. 86.13% ± 0.31)", \
     "" using 1:5 with lines linewidth 2 title "Xavier normal (val. acc. 86.29% ± 0.30)", \
     "" using 1:6 with lines linewidth 2 title "He uniform (val. acc. 86.16% ± 0.28)", \
     "" using 1:7 with lines linewidth 2 title "He normal (val. acc. 86.32% ± 0.34)", \
     "" using 1:8 with lines linewidth 2 title "LeCun uniform (val. acc. 85.99% ± 0.25)", \
     "" using 1:9 with lines linewidth 2 title "LeCun normal (val. acc. 86.15% ± 0.56)"
