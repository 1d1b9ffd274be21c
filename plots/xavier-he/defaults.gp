# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot defaults.gp` in this folder (reads defaults.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'defaults.png'
set title 'The frameworks'."'".' defaults: PyTorch vs Keras'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:100]
plot 'defaults.dat' using 1:2 with lines linewidth 2 title 'PyTorch default (val. acc. 86.01% ± 0.22)', \
     '' using 1:3 with lines linewidth 2 title 'Keras default (Glorot uniform) (val. acc. 86.50% ± 0.25)'
