# Training loss of the first 100 batches, written by compare-inits.
# Re-render with `gnuplot all.gp` in this folder (reads all.dat).
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'all.png'
set title 'All eight (mean over 3 seeds)'
set xlabel 'Batches'
set ylabel 'Loss'
set grid
set key top right
set datafile missing '?'
set xrange [1:100]
plot 'all.dat' using 1:2 with lines linewidth 2 title 'PyTorch default (val. acc. 86.01% ± 0.22)', \
     '' using 1:3 with lines linewidth 2 title 'Keras default (Glorot uniform) (val. acc. 86.50% ± 0.25)', \
     '' using 1:4 with lines linewidth 2 title 'Xavier uniform (val. acc. 86.27% ± 0.31)', \
     '' using 1:5 with lines linewidth 2 title 'Xavier normal (val. acc. 86.30% ± 0.51)', \
     '' using 1:6 with lines linewidth 2 title 'He uniform (val. acc. 86.19% ± 0.37)', \
     '' using 1:7 with lines linewidth 2 title 'He normal (val. acc. 86.49% ± 0.33)', \
     '' using 1:8 with lines linewidth 2 title 'LeCun uniform (val. acc. 86.17% ± 0.30)', \
     '' using 1:9 with lines linewidth 2 title 'LeCun normal (val. acc. 86.20% ± 0.87)'
